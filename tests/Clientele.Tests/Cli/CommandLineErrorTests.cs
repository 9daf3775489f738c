using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Cli;

/// <summary>Wrong use or an unreachable database: a non-zero exit code and one line saying why.</summary>
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("clientele-cli-err-").FullName;

    private string Db => $"sqlite:{Path.Combine(_dir, "x.db")}";

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a leftover temp directory does not fail a run */ }
    }

    private static void AssertOneLineError(CliResult result, string? mentions = null)
    {
        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.True(result.StderrLines.Length == 1, "expected one line on stderr:\n" + result);
        Assert.StartsWith("error:", result.StderrLines[0]);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
        if (mentions is not null) Assert.Contains(mentions, result.StderrLines[0], StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("users add --role boss --email b@y.de --password-stdin", "boss")]
    [InlineData("users add --role owner --password-stdin", "--email")]
    [InlineData("tokens create --email x@y.de", "--name")]
    [InlineData("frobnicate", "frobnicate")]
    [InlineData("db migrate --no-such-option", "--no-such-option")]
    [InlineData("serve --seed many", "many")]
    public async Task Bad_arguments(string args, string mentions)
    {
        var result = await CliProcess.RunAsync([.. args.Split(' '), "--db", Db], stdin: "whatever-long-password\n");

        AssertOneLineError(result, mentions);
        Assert.False(File.Exists(Path.Combine(_dir, "x.db")), "a refused command must not create the database");
    }

    [Theory]
    [InlineData("sqlite:/nonexistent-dir/x.db", "db migrate")]
    [InlineData("sqlite:/nonexistent-dir/x.db", "users list")]
    [InlineData("postgres:Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3", "db migrate")]
    [InlineData("mysql:Server=x", "db migrate")]
    [InlineData("nonsense", "users list")]
    public async Task A_database_that_cannot_be_opened(string db, string command)
    {
        var result = await CliProcess.RunAsync([.. command.Split(' '), "--db", db]);

        AssertOneLineError(result);
    }

    [Theory]
    [InlineData("users list")]
    [InlineData("tokens create --email a@b.de --name x")]
    public async Task A_database_without_the_schema_says_to_migrate_it(string command)
    {
        var result = await CliProcess.RunAsync([.. command.Split(' '), "--db", Db]);

        AssertOneLineError(result, "db migrate");
    }

    [Fact]
    public async Task Without_db_the_environment_variable_then_the_working_directorys_file_is_used()
    {
        var fromEnvironment = Path.Combine(_dir, "env.db");
        var environment = new Dictionary<string, string> { ["CLIENTELE_DB"] = "sqlite:" + fromEnvironment };

        var viaEnvironment = await CliProcess.RunAsync(["db", "migrate"], workingDirectory: _dir, environment: environment);
        Assert.True(viaEnvironment.ExitCode == 0, viaEnvironment.ToString());
        Assert.True(File.Exists(fromEnvironment));
        Assert.False(File.Exists(Path.Combine(_dir, "clientele.db")));

        var byDefault = await CliProcess.RunAsync(["db", "migrate"], workingDirectory: _dir);
        Assert.True(byDefault.ExitCode == 0, byDefault.ToString());
        Assert.True(File.Exists(Path.Combine(_dir, "clientele.db")));

        var optionWins = await CliProcess.RunAsync(["db", "migrate", "--db", "sqlite:/nonexistent-dir/x.db"], workingDirectory: _dir, environment: environment);
        AssertOneLineError(optionWins);
        AssertOneLineError(await CliProcess.RunAsync(["users", "list"], environment: new Dictionary<string, string> { ["CLIENTELE_DB"] = "oracle:x" }), "oracle");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("users --help")]
    [InlineData("tokens create --help")]
    public async Task Help_is_printed_and_succeeds(string args)
    {
        var result = await CliProcess.RunAsync(args.Split(' '));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task The_root_help_lists_every_command()
    {
        var result = await CliProcess.RunAsync(["--help"]);

        foreach (var command in new[] { "serve", "db", "users", "tokens", "demo" })
            Assert.Contains(command, result.Stdout);
    }
}
