using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Serving;

/// <summary>
/// A start nobody could sign in to is refused before anything happens: plain HTTP on an address other computers reach
/// (browsers drop the Secure sign-in cookies there), a proxy list that is not addresses, a certificate that is not there.
/// </summary>
public sealed class ServeRefusalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("clientele-serve-refused-").FullName;

    private string DbFile => Path.Combine(_dir, "x.db");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a leftover temp directory does not fail a run */ }
    }

    /// <summary>
    /// English in this process; another language in a child process with that LANG, as a user's shell would start it
    /// (the in-process runner gives each run the process's own culture, as a real process has).
    /// </summary>
    private Task<CliResult> ServeAsync(string language, params string[] args)
    {
        string[] arguments = ["serve", .. args, "--db", "sqlite:" + DbFile];
        return language == "en"
            ? CliProcess.RunAsync(arguments)
            : CliProcess.RunAsync(arguments, environment: new Dictionary<string, string> { ["LANG"] = language + ".UTF-8", ["LC_ALL"] = language + ".UTF-8" });
    }

    private void AssertRefused(CliResult result, params string[] mentions)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Single(result.StderrLines);
        Assert.StartsWith("error:", result.StderrLines[0]);
        foreach (var word in mentions) Assert.Contains(word, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(DbFile), "a refused start must not create or migrate the database");
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData("http://192.168.1.10:5080")]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://office-server:5080")]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.7:5080")]
    public async Task Plain_http_on_an_address_others_reach_is_refused_with_what_to_do(string urls)
    {
        var result = await ServeAsync("en", "--urls", urls);

        AssertRefused(result, "--https", "--behind-proxy", urls.Split(';')[^1]);
    }

    [Fact]
    public async Task The_refusal_speaks_the_users_language()
    {
        var result = await ServeAsync("ru_RU", "--urls", "http://192.168.1.10:5080");

        AssertRefused(result, "--https", "--behind-proxy", "войти там не смог бы никто", "http://192.168.1.10:5080");
    }

    [Fact]
    public async Task Trusted_proxies_that_are_not_addresses_are_refused()
    {
        var result = await ServeAsync("de_DE", "--urls", "http://10.0.0.7:5080", "--trusted-proxies", "10.0.0.1,proxy.local");

        AssertRefused(result, "proxy.local", "weder eine IP-Adresse");
    }

    [Fact]
    public async Task A_certificate_that_is_not_there_is_refused()
    {
        var missing = Path.Combine(_dir, "missing.pem");

        var result = await ServeAsync("en", "--https", "--certificate", missing);

        AssertRefused(result, missing, "does not exist");
    }
}
