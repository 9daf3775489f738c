using Clientele.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Clientele.Tests.Api;

/// <summary><c>clientele jobs run NAME</c> (every nightly job, the duplicates scan too) and <c>jobs list</c> as a user runs them, on a fresh SQLite file.</summary>
public sealed class JobsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("clientele-jobs-cli-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_failed_run_exits_1_with_its_error_and_is_listed_and_an_unknown_job_is_named()
    {
        var db = "sqlite:" + Path.Combine(_dir, "jobs.db");
        Assert.Equal(0, (await CliProcess.RunAsync(["db", "migrate", "--db", db])).ExitCode);

        var run = await CliProcess.RunAsync(["jobs", "run", "lifetime-refresh", "--db", db]);
        var scan = await CliProcess.RunAsync(["jobs", "run", "duplicates-scan", "--db", db]);
        var unknown = await CliProcess.RunAsync(["jobs", "run", "no-such-job", "--db", db]);
        var list = await CliProcess.RunAsync(["jobs", "list", "--db", db]);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("lifetime-refresh: failed", run.Stdout);
        Assert.Contains("cannot be fitted", run.Stderr);
        Assert.True(scan.ExitCode == 0, scan.ToString());
        Assert.StartsWith("duplicates-scan: succeeded", scan.Stdout);
        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Contains("known jobs: duplicates-scan, lifetime-refresh", unknown.Stderr);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(2, list.StdoutLines.Length);
        Assert.StartsWith("duplicates-scan: succeeded", list.StdoutLines[0]);
        Assert.StartsWith("lifetime-refresh: failed", list.StdoutLines[1]);
    }
}
