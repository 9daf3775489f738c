using System.Diagnostics;
using System.Globalization;
using Clientele.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Clientele.Tests.Imports.Engine;

/// <summary><c>clientele import clients</c> as a user runs it: stopped by SIGTERM, killed mid-run and run again, and refusing a file with bad rows.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"clientele-import-cli-{Guid.NewGuid():N}.db");

    private string[] Args(params string[] args) => ["--db", "sqlite:" + _db, .. args];

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_db};Pooling=False");
        connection.Open();
        using var command = new SqliteCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_stopped_and_a_killed_import_resume_to_exactly_the_files_rows_and_a_file_with_bad_rows_imports_nothing()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(Args("db", "migrate"))).ExitCode);
        const int rows = 6_000;
        var first = Random.Shared.Next(1_000_000, 7_000_000);
        var lines = new List<string> { "name;phone;email" };
        for (var i = 0; i < rows; i++) lines.Add($"Killed {i};+7 916 {first + i};k{i}@example.ru");
        for (var i = 0; i < 300; i++) lines.Add($"KILLED {i};;k{i}@example.ru");
        var csv = ImportKit.WriteCsv([.. lines]);

        // SIGTERM (systemctl stop, Ctrl+C's sibling) at a known point: the run stops cleanly, says how to continue and
        // writes nothing of the batch in flight.
        var (stopped, stoppedCheckpoint) = await RunHeldImportAsync(csv, terminate: true);
        Assert.True(stopped.ExitCode == 130, stopped.ToString());
        Assert.Contains("import 1 was stopped before it finished; the batch in progress was not written. Run the same command again to continue it.", stopped.Stderr);
        Assert.DoesNotContain("Unhandled exception", stopped.Stderr);
        Assert.InRange(stoppedCheckpoint, 1, rows - 1);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM \"Clients\""));

        // Then killed outright (a crash, a power cut) one batch further on.
        var (_, checkpoint) = await RunHeldImportAsync(csv, terminate: false);
        Assert.InRange(checkpoint, stoppedCheckpoint + 1, rows - 1);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM \"Clients\""));

        var resumed = await CliProcess.RunAsync(Args("import", "clients", csv, "--batch-size", "300"));

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("Resuming import 1", resumed.Stdout);
        Assert.Contains("merging", resumed.Stderr);
        Assert.Equal(rows, Scalar("SELECT COUNT(*) FROM \"Clients\""));
        Assert.Equal(rows, Scalar("SELECT COUNT(DISTINCT \"Phone\") FROM \"Clients\""));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM \"ImportJobs\""));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM \"ImportStagedClients\""));

        var bad = ImportKit.WriteCsv("name;email", "Fine;fine@example.ru", "Bad;not-an-email");
        var refused = await CliProcess.RunAsync(Args("import", "clients", bad));

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("line 3: reject email:", refused.Stdout);
        Assert.Contains("Nothing was imported: 1 row(s) rejected", refused.Stderr);
        Assert.Equal(rows, Scalar("SELECT COUNT(*) FROM \"Clients\""));
        var usage = await CliProcess.RunAsync(Args("import", "clients", bad, "--map", "Name=nonsense"));
        Assert.True(usage.ExitCode == 2, usage.ToString());
    }

    /// <summary>
    /// Runs the import in a child that holds after its next committed batch (a known point, not wherever a race ends),
    /// then stops it with SIGTERM or kills it; returns its result and the job's checkpoint after.
    /// </summary>
    private async Task<(CliResult Result, long Checkpoint)> RunHeldImportAsync(string csv, bool terminate)
    {
        var before = Scalar("SELECT COALESCE(MAX(\"Checkpoint\"), 0) FROM \"ImportJobs\"");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "clientele.dll") }.Concat(Args("import", "clients", csv, "--batch-size", "300")))
            info.ArgumentList.Add(arg);
        info.Environment[Clientele.Features.Imports.Engine.ClientImport.HoldAfterCheckpointVariable] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // The hold makes the checkpoint certain; the bound only ends a hung run (a start on a machine at load 80 took over a minute).
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && Scalar("SELECT COALESCE(MAX(\"Checkpoint\"), 0) FROM \"ImportJobs\"") == before && clock.Elapsed < TimeSpan.FromMinutes(5))
            await Task.Delay(20);
        Assert.False(process.HasExited, "the import finished before it could be stopped; make the file larger");
        if (terminate)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        else
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return (new CliResult(process.ExitCode, await stdout, await stderr), Scalar("SELECT \"Checkpoint\" FROM \"ImportJobs\""));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            try { File.Delete(file); }
            catch (IOException) { /* a leftover temp file does not fail a run */ }
        }
    }
}
