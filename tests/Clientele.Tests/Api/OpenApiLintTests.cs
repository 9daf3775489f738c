using System.Diagnostics;
using System.Text.Json;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Api;

/// <summary>
/// The document the app serves passes <c>spectral lint</c> with the <c>spectral:oas</c> ruleset
/// (tools/openapi-lint/.spectral.yaml) without an error or a warning: every operation has a unique operationId and a
/// description, so generated clients get usable method names. The document does not depend on the database, so one
/// provider is enough. The linter is installed from tools/openapi-lint's lock file by test.sh, or here when missing.
/// </summary>
public sealed class OpenApiLintTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task The_served_document_passes_spectral_oas_with_no_error_or_warning()
    {
        var json = await fixture.App.ClientWithToken(null).GetStringAsync("/openapi/v1.json");
        var path = Path.Combine(Path.GetTempPath(), $"clientele-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, json);
        try
        {
            var tools = ToolsDirectory();
            var spectral = Path.Combine(tools, "node_modules", ".bin", "spectral");
            if (!File.Exists(spectral)) await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], tools);

            var (exit, output) = await RunAsync(spectral, ["lint", "--ruleset", Path.Combine(tools, ".spectral.yaml"),
                "--fail-severity", "warn", "--format", "text", path], tools);

            Assert.True(exit == 0, $"spectral found problems in /openapi/v1.json (exit {exit}):\n{output}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Every_operation_has_a_unique_readable_id_and_a_description()
    {
        // Spectral checks presence and uniqueness; this pins the naming convention a generated client's methods follow.
        using var document = JsonDocument.Parse(await fixture.App.ClientWithToken(null).GetStringAsync("/openapi/v1.json"));
        var ids = new Dictionary<string, string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var id = operation.Value.GetProperty("operationId").GetString()!;
            Assert.Matches("^[a-z][A-Za-z0-9]+$", id);
            Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("description").GetString()), id);
            ids.Add(id, $"{operation.Name.ToUpperInvariant()} {path.Name}");
        }
        Assert.Equal("GET /api/v1/clients", ids["listClients"]);
        Assert.Equal("GET /api/v1/clients/{id}", ids["getClient"]);
        Assert.Equal("POST /api/v1/clients", ids["createClient"]);
        Assert.Equal("PATCH /api/v1/contact-persons/{id}", ids["updateContactPerson"]);
        Assert.Equal("POST /api/v1/imports/{id}/rollback", ids["rollbackImport"]);
        Assert.Equal("GET /api/v1/clients/{id}/loyalty", ids["getClientLoyalty"]);
        Assert.Equal("POST /api/v1/privacy/breaches", ids["createPrivacyBreach"]);
    }

    private static string ToolsDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Clientele.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("The repository root (Clientele.slnx) was not found."), "tools", "openapi-lint");
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Timeout);
        var output = await stdout + await stderr;
        if (file == "npm" && process.ExitCode != 0) throw new InvalidOperationException($"npm ci in {workingDirectory} failed:\n{output}");
        return (process.ExitCode, output);
    }
}
