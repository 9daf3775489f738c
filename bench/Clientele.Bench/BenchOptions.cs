namespace Clientele.Bench;

/// <summary>The command line: <c>[--clients N] [--quick] [--iterations N] [--db PATH] [--reuse] ...</c>.</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/Clientele.Bench -- [options]
          --clients N       clients to fill (default 1,000,000; 20,000 with --quick)
          --quick           smoke run: 20,000 clients, 50 iterations, short warm-up
          --iterations N    timed iterations per query (default 200)
          --warmup N        untimed iterations before them (default 20)
          --db PATH         database file (default: a fresh file under the temp directory, deleted afterwards)
          --reuse           measure the existing database at --db without filling it again
          --keep            keep the temporary database
          --seed S          generator seed (default 42)
          --managers M      managers to spread clients over (default 20)
          --batch N         clients per fill transaction (default 50,000)
          --ef-sample N     clients also written through EF Core, to compare rows and rates (default 20,000)
          --only TEXT       run only the queries whose name contains TEXT
          --no-analyze      skip ANALYZE after the fill (to see the plans without statistics)
          --what-if-indexes try the proposed indexes (WhatIf.cs): drop/create them after the fill, or on a --reuse database
          --pragmas SQL     extra pragmas on every connection, e.g. "PRAGMA mmap_size=1073741824;"
          --analytics       the analytics scenario instead: 1,000,000 clients with 10,000,000 purchases (20,000 / 200,000 with --quick);
                            purchase writes, the analytics summary cold and warm, and the same RFM + ABC in DuckDB
          --purchases N     purchases for --analytics (default 10,000,000)
          --writes N        timed purchase writes for --analytics (default 2,000)
          --runs N          cold runs per analytics day (default 3)
          --clv-fit         the lifetime-model scenario instead: BG/NBD and Gamma-Gamma fits on --clients simulated clients
          --import          the client import scenario instead: a --clients-row CSV (10% repeats) through `clientele import clients`
                            into SQLite and PostgreSQL, peak memory, and sqlite3's .import of the same file as the anchor
          --import-purchases  the purchase import: a CDNOW-shaped log (--purchases rows, 69,659 by default) through
                            `clientele import purchases` into SQLite, then again, against sqlite3's .import
          --reads           the API reads scenario instead: /health, GET /clients/{id}, the grid's first page and /channels under
                            HTTP load on --clients clients, SQLite and PostgreSQL (--only sqlite|postgresql for one)
          --connections N   concurrent connections for --reads (default 16)
          --seconds N       measured seconds per endpoint for --reads (default 20)
          --warmup-seconds N  unmeasured load per endpoint before --reads measures (default 10): with less, the JIT's
                            background tiering still ran during the measured GET by id (14% of its samples at 3 s)
          --label TEXT      added to the results file name
          --program PATH    the clientele program --import and --import-purchases run (e.g. a published one,
                            bin/publish/linux-x64/clientele); default: clientele.dll beside the bench, through dotnet
          --out DIR         where results go (default bench/results in the repository; the temp directory with --quick)
        """;

    public int Clients { get; init; } = 1_000_000;
    public bool Quick { get; init; }
    public int Iterations { get; init; } = 200;
    public int WarmUp { get; init; } = 20;
    /// <summary>Unmeasured load per endpoint before <c>--reads</c> measures it.</summary>
    public int WarmUpSeconds { get; init; } = 10;
    public string? DbPath { get; init; }
    public bool Reuse { get; init; }
    public bool Keep { get; init; }
    public int Seed { get; init; } = 42;
    public int Managers { get; init; } = 20;
    public int BatchClients { get; init; } = 50_000;
    public int EfSample { get; init; } = 20_000;
    public string? Only { get; init; }
    public bool Analyze { get; init; } = true;
    public string? OutDir { get; init; }
    public bool WhatIfIndexes { get; init; }
    public string? Pragmas { get; init; }
    public string? Label { get; init; }
    /// <summary>The clientele executable the import scenarios run instead of <c>dotnet clientele.dll</c> beside the bench.</summary>
    public string? Program { get; init; }
    public bool Analytics { get; init; }
    public bool ClvFit { get; init; }
    public bool Import { get; init; }
    /// <summary>The purchase import of a CDNOW-shaped log (<see cref="Purchases"/> rows, 69,659 unless given) against sqlite3 .import.</summary>
    public bool ImportPurchases { get; init; }
    public bool Reads { get; init; }
    public int Connections { get; init; } = 16;
    public int Seconds { get; init; } = 20;
    /// <summary><c>--reads</c> with the in-process generator (<see cref="HttpLoad"/>) even when wrk is installed.</summary>
    public bool InProcessLoad { get; init; }
    public int Purchases { get; init; } = 10_000_000;
    public int Writes { get; init; } = 2_000;
    public int Runs { get; init; } = 3;
    /// <summary>A query that is far off target stops early rather than holding the run for minutes.</summary>
    public TimeSpan ScenarioBudget { get; init; } = TimeSpan.FromSeconds(45);

    public static BenchOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var o = quick
            ? new BenchOptions { Quick = true, Clients = 20_000, Iterations = 50, WarmUp = 5, EfSample = 2_000, ScenarioBudget = TimeSpan.FromSeconds(4), Purchases = 200_000, Writes = 200, Seconds = 3 }
            : new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value().Replace("_", "").Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--quick" => o,
                "--clients" => o with { Clients = Int() },
                "--iterations" => o with { Iterations = Int() },
                "--warmup" => o with { WarmUp = Int() },
                "--db" => o with { DbPath = Path.GetFullPath(Value()) },
                "--reuse" => o with { Reuse = true },
                "--keep" => o with { Keep = true },
                "--seed" => o with { Seed = Int() },
                "--managers" => o with { Managers = Int() },
                "--batch" => o with { BatchClients = Int() },
                "--ef-sample" => o with { EfSample = Int() },
                "--only" => o with { Only = Value() },
                "--no-analyze" => o with { Analyze = false },
                "--what-if-indexes" => o with { WhatIfIndexes = true },
                "--pragmas" => o with { Pragmas = Value() },
                "--label" => o with { Label = Value() },
                "--program" => o with { Program = Path.GetFullPath(Value()) },
                "--analytics" => o with { Analytics = true },
                "--clv-fit" => o with { ClvFit = true },
                "--import" => o with { Import = true },
                "--import-purchases" => o with { ImportPurchases = true, Purchases = o.Purchases == new BenchOptions().Purchases ? 69_659 : o.Purchases },
                "--reads" => o with { Reads = true },
                "--connections" => o with { Connections = Int() },
                "--seconds" => o with { Seconds = Int() },
                "--warmup-seconds" => o with { WarmUpSeconds = Int() },
                "--in-process-load" => o with { InProcessLoad = true },
                "--purchases" => o with { Purchases = Int() },
                "--writes" => o with { Writes = Int() },
                "--runs" => o with { Runs = Int() },
                "--out" => o with { OutDir = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        if (o.Clients < 1_000) throw new ArgumentException("--clients must be at least 1,000.");
        if (o.Reuse && o.DbPath is null) throw new ArgumentException("--reuse needs --db PATH.");
        if (o.Iterations < 1 || o.WarmUp < 0 || o.Managers < 1 || o.BatchClients < 1) throw new ArgumentException("counts must be positive.");
        return o with { EfSample = Math.Min(o.EfSample, o.Clients) };
    }

    /// <summary>"1m", "20k": the size part of the results file name.</summary>
    public string SizeLabel => Clients % 1_000_000 == 0 ? $"{Clients / 1_000_000}m" : Clients % 1_000 == 0 ? $"{Clients / 1_000}k" : Clients.ToString();
}
