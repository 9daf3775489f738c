using Clientele.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Clientele.Tests.Jobs;

/// <summary>
/// <c>clientele jobs list</c> and <c>jobs run NAME</c> as a user runs them, on a fresh base: the command knows every
/// nightly job the web host schedules, and a job with nothing to do says so and succeeds.
/// </summary>
public abstract class JobsCommandTests
{
    private static readonly string[] Jobs = ["audit-anchor", "audit-retention", "backup", "campaign-send", "duplicates-scan", "follow-up-rules", "lifetime-refresh", "next-categories", "privacy-retention"];

    /// <summary>The anchor always has a head to checkpoint (migrating records the seeded settings), so it never has nothing to do.</summary>
    private static bool SaysNothingToDo(string job) => job != Clientele.Features.Audit.AuditAnchorJob.JobName;

    /// <summary>A fresh, empty database: sqlite:PATH or postgres:CONNECTION-STRING.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    [Fact]
    public async Task Every_nightly_job_is_listed_and_on_an_empty_base_each_succeeds_saying_it_has_nothing_to_do()
    {
        var db = await NewDatabaseAsync();
        Assert.Equal(0, (await CliProcess.RunAsync(["db", "migrate", "--db", db])).ExitCode);

        var before = await CliProcess.RunAsync(["jobs", "list", "--db", db]);
        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Equal([.. Jobs.Select(j => j + ": never ran")], before.StdoutLines);

        foreach (var job in Jobs)
        {
            var run = await CliProcess.RunAsync(["jobs", "run", job, "--db", db]);
            Assert.True(run.ExitCode == 0, run.ToString());
            var line = Assert.Single(run.StdoutLines);
            Assert.StartsWith(job + ": succeeded in ", line);
            if (SaysNothingToDo(job)) Assert.Contains("nothing to", line);
            Assert.Equal("", run.Stderr);
        }

        var after = await CliProcess.RunAsync(["jobs", "list", "--db", db]);
        Assert.Equal(Jobs.Length, after.StdoutLines.Length);
        for (var i = 0; i < Jobs.Length; i++)
        {
            Assert.StartsWith(Jobs[i] + ": succeeded ", after.StdoutLines[i]);
            if (SaysNothingToDo(Jobs[i])) Assert.Contains("nothing to", after.StdoutLines[i]);
        }
    }

    [Fact]
    public async Task An_unknown_job_is_refused_naming_every_known_job()
    {
        var db = await NewDatabaseAsync();
        Assert.Equal(0, (await CliProcess.RunAsync(["db", "migrate", "--db", db])).ExitCode);

        var unknown = await CliProcess.RunAsync(["jobs", "run", "no-such-job", "--db", db]);

        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Contains("known jobs: " + string.Join(", ", Jobs) + ".", unknown.Stderr);
    }
}

public sealed class JobsCommandTestsOnSqlite : JobsCommandTests, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("clientele-jobs-cli-").FullName;

    protected override Task<string> NewDatabaseAsync() => Task.FromResult("sqlite:" + Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".db"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a leftover temp directory does not fail a run */ }
    }
}

[Collection("postgres-3")]
public sealed class JobsCommandTestsOnPostgres(PostgresFixture server) : JobsCommandTests
{
    protected override async Task<string> NewDatabaseAsync() => "postgres:" + await server.CreateDatabaseAsync();
}
