using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Clientele.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server on a temporary directory and a free loopback port, so PostgreSQL tests
/// need no installed service, no password and no cleanup. Durability is off: the data dies with the run.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string OsUser = "postgres";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _binDir;
    private readonly string _root;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private bool _started;
    private bool _stopped;

    private PostgresServer(string binDir, string root, int port)
    {
        _binDir = binDir;
        _root = root;
        Port = port;
        _process = new Process
        {
            StartInfo = StartInfo(Path.Combine(binDir, "postgres"), [
                "-D", DataDir, "-p", port.ToString(), "-k", root, "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                // Headroom for many test databases' pools at once (see ConnectionStringFor).
                "-c", "max_connections=300"]),
        };
        // Drained continuously, or postgres blocks on a full pipe; kept to explain a failed start.
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _log.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _log.Enqueue(e.Data); };
    }

    public int Port { get; }

    private string DataDir => Path.Combine(_root, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        var binDir = await FindBinDirAsync();
        var root = Directory.CreateTempSubdirectory("clientele-pg-").FullName;
        try
        {
            // PostgreSQL refuses to run as root, so under root the postgres OS user owns the cluster.
            if (Environment.IsPrivilegedProcess) await RunAsync("chown", [$"{OsUser}:", root], asPostgres: false);
            await InitDbAsync(binDir, root);
            return await StartOnFreePortAsync(binDir, root);
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>
    /// A hot standby of <paramref name="primary"/>: a base copy by <c>pg_basebackup -R</c> (which writes the standby
    /// signal and how to reach the primary), started on a port of its own; it streams the primary's WAL from then on.
    /// </summary>
    public static async Task<PostgresServer> StartReplicaOfAsync(PostgresServer primary)
    {
        var root = Directory.CreateTempSubdirectory("clientele-pg-replica-").FullName;
        try
        {
            if (Environment.IsPrivilegedProcess) await RunAsync("chown", [$"{OsUser}:", root], asPostgres: false);
            var (code, output) = await RunAsync(Path.Combine(primary._binDir, "pg_basebackup"), [
                "-h", "127.0.0.1", "-p", primary.Port.ToString(), "-U", OsUser, "-D", Path.Combine(root, "data"),
                "-R", "-X", "stream", "--checkpoint=fast", "--no-sync"]);
            if (code != 0) throw new InvalidOperationException($"pg_basebackup failed:\n{output}");
            return await StartOnFreePortAsync(primary._binDir, root);
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    private static async Task<PostgresServer> StartOnFreePortAsync(string binDir, string root)
    {
        // A port found free can be taken before postgres binds it; a second pick rarely is.
        for (var attempt = 1; ; attempt++)
        {
            var server = new PostgresServer(binDir, root, FreePort());
            try
            {
                await server.StartAndWaitAsync();
                return server;
            }
            catch
            {
                await server.StopAsync();
                if (attempt == 3 || !server.LogText().Contains("could not bind")) throw;
            }
        }
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = OsUser,
        Database = database,
        IncludeErrorDetail = true,
        // Every test database gets its own pool, and a finished test never reuses it: close idle
        // connections within seconds (not Npgsql's 5 minutes) so a long run stays under max_connections.
        ConnectionIdleLifetime = 2,
        ConnectionPruningInterval = 1,
    }.ConnectionString;

    /// <summary>
    /// Creates a database (a unique name unless given), empty or as a copy of <paramref name="template"/>, and returns
    /// its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, string? template = null)
    {
        name ??= $"t_{Guid.NewGuid():N}";
        // FILE_COPY copies the template's files (a checkpoint, cheap with fsync off) where the default since PostgreSQL 15,
        // WAL_LOG, writes every page of it through the log: measured 0.27 against 0.15 CPU-s a copy of the migrated template.
        await ExecuteAsync($"CREATE DATABASE {Quote(name)}" + (template is null ? "" : $" TEMPLATE {Quote(template)} STRATEGY FILE_COPY"));
        return ConnectionStringFor(name);
    }

    /// <summary>Ends every session on <paramref name="database"/> (a template must have none while it is copied).</summary>
    public Task DisconnectAsync(string database) =>
        ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database.Replace("'", "''", StringComparison.Ordinal)}' AND pid <> pg_backend_pid()");

    private async Task ExecuteAsync(string sql) => await QueryAsync<object>("postgres", sql);

    /// <summary>The first column of the first row of <paramref name="sql"/> run on <paramref name="database"/>.</summary>
    public async Task<T?> QueryAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is T value ? value : default;
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public async ValueTask DisposeAsync()
    {
        // Idle pooled connections to a dead server would only fail later, in some other test.
        NpgsqlConnection.ClearAllPools();
        await StopAsync();
        TryDelete(_root);
    }

    private static async Task InitDbAsync(string binDir, string root)
    {
        var initdb = Path.Combine(binDir, "initdb");
        string[] common = ["-D", Path.Combine(root, "data"), "-U", OsUser, "--auth=trust", "-E", "UTF8", "--no-sync"];
        // C.UTF-8 keeps lower()/ILIKE right for Cyrillic and umlauts; plain C knows only ASCII case.
        var (code, output) = await RunAsync(initdb, [.. common, "--locale=C.UTF-8"]);
        if (code == 0) return;
        TryDelete(Path.Combine(root, "data"));
        var (fallbackCode, fallbackOutput) = await RunAsync(initdb, [.. common, "--locale=C"]);
        if (fallbackCode != 0) throw new InvalidOperationException($"initdb failed:\n{output}\n{fallbackOutput}");
    }

    private async Task StartAndWaitAsync()
    {
        _started = _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var probe = new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false, Timeout = 2 };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(); // lets the last log lines (the reason) arrive
                throw new InvalidOperationException($"postgres exited with code {_process.ExitCode}:\n{LogText()}");
            }
            try
            {
                await using var connection = new NpgsqlConnection(probe.ConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync();
                return;
            }
            catch (NpgsqlException e) when (clock.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException($"postgres not ready after {StartTimeout.TotalSeconds}s:\n{LogText()}", e);
            }
            catch (NpgsqlException)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops the server at once (as a crash would); <see cref="DisposeAsync"/> still removes its files.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        if (_started && !_process.HasExited)
        {
            // Immediate mode: nothing here is worth a clean checkpoint. The kill is for a hung pg_ctl.
            await RunAsync(Path.Combine(_binDir, "pg_ctl"), ["stop", "-D", DataDir, "-m", "immediate", "-w", "-t", "10"]);
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static async Task<string> FindBinDirAsync()
    {
        var newest = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Where(d => File.Exists(Path.Combine(d, "bin", "initdb")))
                .MaxBy(d => int.TryParse(Path.GetFileName(d), out var major) ? major : 0)
            : null;
        if (newest is not null) return Path.Combine(newest, "bin");
        var pgConfig = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, "pg_config")).FirstOrDefault(File.Exists);
        if (pgConfig is not null)
        {
            var (code, output) = await RunAsync(pgConfig, ["--bindir"], asPostgres: false);
            if (code == 0 && File.Exists(Path.Combine(output.Trim(), "initdb"))) return output.Trim();
        }
        throw new InvalidOperationException("PostgreSQL not found (no /usr/lib/postgresql/*/bin/initdb, no pg_config): run ./test.sh or apt-get install postgresql.");
    }

    private static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, bool asPostgres = true)
    {
        // Under root the binaries run as the postgres user; anyone else runs them as themselves.
        var viaRunuser = asPostgres && Environment.IsPrivilegedProcess;
        var info = new ProcessStartInfo(viaRunuser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The postgres user may not be able to enter the caller's directory (e.g. /root).
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in viaRunuser ? ["-u", OsUser, "--", file, .. args] : args) info.ArgumentList.Add(arg);
        return info;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, bool asPostgres = true)
    {
        using var process = Process.Start(StartInfo(file, args, asPostgres)) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string LogText() => string.Join('\n', _log);

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is not worth failing a test run over.
        }
    }
}

/// <summary>One server for every test class in the "postgres" collection; each test creates its own database.</summary>
public sealed class PostgresFixture : Xunit.IAsyncLifetime
{
    private PostgresServer? _server;
    private Lazy<Task<string>> _template = null!;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgresFixture is not initialised.");

    /// <summary>Creates an empty database (a unique name unless given) and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string? name = null) => Server.CreateDatabaseAsync(name);

    /// <summary>Creates a migrated database with the owner, a copy of this server's template (made on first use).</summary>
    public async Task<string> CreateMigratedDatabaseAsync() => await Server.CreateDatabaseAsync(template: await _template.Value);

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        _template = new Lazy<Task<string>>(() => DatabaseTemplates.CreatePostgresTemplateAsync(Server));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

// Fully qualified so the file compiles with or without a global "using Xunit;" in the project.
[Xunit.CollectionDefinition("postgres")]
public sealed class PostgresCollection : Xunit.ICollectionFixture<PostgresFixture>;

/// <summary>More servers, so the PostgreSQL test classes run as several queues instead of one: one queue was the suite's
/// critical path (4 minutes alone at the end of a run). Classes are spread by their measured durations. xunit starts the
/// queues in an order of its own (by a hash of the collection's name): "postgres-4" started 421 s into a 480-s run and
/// ran nearly alone to its end (1–2 tests in flight for the last minute), so its classes joined the queues that finish
/// first (5 and 6, done at 314 and 272 s) and it is gone.</summary>
[Xunit.CollectionDefinition("postgres-2")]
public sealed class PostgresCollection2 : Xunit.ICollectionFixture<PostgresFixture>;

[Xunit.CollectionDefinition("postgres-3")]
public sealed class PostgresCollection3 : Xunit.ICollectionFixture<PostgresFixture>;

[Xunit.CollectionDefinition("postgres-5")]
public sealed class PostgresCollection5 : Xunit.ICollectionFixture<PostgresFixture>;

[Xunit.CollectionDefinition("postgres-6")]
public sealed class PostgresCollection6 : Xunit.ICollectionFixture<PostgresFixture>;
