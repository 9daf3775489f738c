using System.Text;
using Clientele.Features.Access;
using Clientele.Features.Imports;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;
using Clientele.Features.Imports.Records;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Imports.Mapping;

/// <summary>Runs record imports of CSV text (UTF-8, ';') against a test app the way the engine will: a job, the mapping, the importer.</summary>
internal static class RecordImportHarness
{
    public static Task<long> CreateJobAsync(ClienteleApp app, ImportKind kind, long? createdBy = null) => app.ReadAsync(async db =>
    {
        var job = new ImportJob
        {
            Kind = kind, FileName = "test.csv", FilePath = "test.csv", FileHash = Guid.NewGuid().ToString("N"), OptionsJson = "{}",
            CreatedById = createdBy, CreatedAt = DateTime.UtcNow, Status = ImportJobStatus.Analyzed,
        };
        db.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    });

    public static async Task<ImportReport> RunAsync(ClienteleApp app, long jobId, string csv, bool write, string? map = null, AccessScope? access = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"clientele-records-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv, new UTF8Encoding(false));
        try
        {
            return await app.ReadAsync(async db =>
            {
                if (access is not null) db.Access = access;
                var job = await db.Set<ImportJob>().SingleAsync(j => j.Id == jobId);
                var options = new ImportOptions(job.Kind, Map: map is null ? null : ImportMapping.ParseSpec(map));
                using var file = TabularFiles.Open(path);
                var columns = await ImportMapping.ResolveAsync(db, options, file.Header, default);
                // The report as a reader gets it (the API's answer): the stored kinds worded in the current language.
                return ImportReasonText.InReadersLanguage(await RecordImport.RunAsync(db, job, options, file, columns, write, null, default));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static Task RollbackAsync(ClienteleApp app, long jobId) => app.ReadAsync(async db =>
    {
        await RecordImport.RollbackAsync(db, await db.Set<ImportJob>().SingleAsync(j => j.Id == jobId), default);
        return 0;
    });

    /// <summary>
    /// The whole database but the audit trail, with the loyalty steps compared without their ids: the loyalty updater
    /// renews a client's steps on every write, as the API's own writes and deletes do.
    /// </summary>
    public static async Task<string> SnapshotAsync(ClienteleApp app)
    {
        var lines = (await DbSnapshot.TakeAsync(app)).Split('\n');
        var result = new List<string>();
        var steps = new List<string>();
        var table = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (i + 1 < lines.Length && !lines[i].Contains('|') && System.Text.RegularExpressions.Regex.IsMatch(lines[i + 1], @"^\d+ rows$")) table = lines[i];
            else if (table == "ClientLoyaltySteps" && lines[i].Contains('|'))
            {
                steps.Add(lines[i][(lines[i].IndexOf('|') + 1)..]);
                continue;
            }
            result.Add(lines[i]);
        }
        steps.Sort(StringComparer.Ordinal);
        return string.Join('\n', result) + "\nsteps without ids\n" + string.Join('\n', steps);
    }

    /// <summary>A valid 10-digit INN (check digit by the official weights), different on every call.</summary>
    public static string Inn()
    {
        int[] weights = [2, 4, 10, 3, 5, 9, 4, 6, 8];
        var digits = Random.Shared.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += weights[i] * (digits[i] - '0');
        return digits + (sum % 11 % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
