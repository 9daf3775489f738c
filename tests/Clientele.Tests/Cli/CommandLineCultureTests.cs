using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Cli;

/// <summary>A command's refusal is worded in its --culture (else the system's), with the refused value in it.</summary>
public sealed class CommandLineCultureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("clientele-cli-culture-").FullName;

    private string Db => $"sqlite:{Path.Combine(_dir, "x.db")}";

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a leftover temp directory does not fail a run */ }
    }

    [Theory]
    [InlineData("ru", "error: «anna@@example» — неверный адрес электронной почты.")]
    [InlineData("de", "error: „anna@@example“ ist keine gültige E-Mail-Adresse.")]
    [InlineData("en", "error: 'anna@@example' is not a valid e-mail address.")]
    public async Task A_refused_value_is_named_in_the_commands_language(string culture, string expected)
    {
        var result = await CliProcess.RunAsync(["users", "add", "--role", "owner", "--email", "anna@@example", "--password-stdin", "--culture", culture, "--db", Db],
            stdin: "a long enough passphrase\n");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Equal([expected], result.StderrLines);
        Assert.False(File.Exists(Path.Combine(_dir, "x.db")), "a refused user must not create the database");
    }

    [Fact]
    public async Task An_unknown_culture_is_refused_before_anything_runs()
    {
        var result = await CliProcess.RunAsync(["db", "migrate", "--culture", "fr", "--db", Db]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["error: --culture must be ru, de or en (was 'fr')."], result.StderrLines);
        Assert.False(File.Exists(Path.Combine(_dir, "x.db")), "a refused command must not create the database");
    }
}
