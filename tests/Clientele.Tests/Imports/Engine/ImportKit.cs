using System.Text;
using Clientele.Data;
using Clientele.Features.Imports;
using Clientele.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Imports.Engine;

/// <summary>Writes import files and runs import jobs against a test app's database, as the CLI and the page do.</summary>
public static class ImportKit
{
    public static string WriteCsv(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"clientele-import-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    public static async Task<T> WithDbAsync<T>(ClienteleApp app, Func<ClienteleDb, Task<T>> work)
    {
        await using var scope = app.Services.CreateSystemScope();
        return await work(scope.ServiceProvider.GetRequiredService<ClienteleDb>());
    }

    public static Task<ImportJob> CreateJobAsync(ClienteleApp app, string path, ImportOptions? options = null) =>
        WithDbAsync(app, db => ImportJobs.CreateAsync(db, path, Path.GetFileName(path), options ?? new ImportOptions(ImportKind.Clients), null, CancellationToken.None));

    public static Task<ImportReport> DryRunAsync(ClienteleApp app, long jobId) =>
        WithDbAsync(app, db => ImportJobs.DryRunAsync(db, jobId, null, CancellationToken.None));

    public static Task<ImportJob> RunAsync(ClienteleApp app, long jobId) =>
        WithDbAsync(app, db => ImportJobs.RunAsync(db, jobId, null, CancellationToken.None));

    /// <summary>The database as text without the import job rows, which an import (even a dry run) adds by design.</summary>
    public static async Task<string> SnapshotAsync(ClienteleApp app)
    {
        var lines = (await DbSnapshot.TakeAsync(app)).Split('\n').ToList();
        var at = lines.IndexOf("ImportJobs");
        // The section is the table's name, "N rows", then N rows (an empty table: one empty line).
        var count = int.Parse(lines[at + 1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        lines.RemoveRange(at, 2 + (count == 0 ? 1 : count));
        return string.Join('\n', lines);
    }
}
