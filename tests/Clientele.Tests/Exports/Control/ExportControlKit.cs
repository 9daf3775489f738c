using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Exports.Control;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Exports.Control;

/// <summary>What the export-control scenarios share: users of a role, their clients, the owner's limit, reading a CSV export.</summary>
public sealed class ExportControlKit(ClienteleApp app)
{
    public sealed record User(Employee Employee, HttpClient Http);

    public sealed record Csv(string ExportId, string[] Header, List<string[]> Rows)
    {
        public int Column(string header) => Array.IndexOf(Header, header) is var i and >= 0 ? i : throw new InvalidOperationException($"no column {header}");
        public List<string> Values(string header) => [.. Rows.Select(r => r[Column(header)])];
    }

    public async Task<User> UserAsync(EmployeeRole role, string name)
    {
        var employee = await app.AddUserAsync(ApiTest.Unique("u") + "@clientele.test", role, name);
        var http = app.ClientWithToken(await app.IssueTokenAsync(employee.Id, "tests"));
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return new User(employee, http);
    }

    /// <summary>Clients of <paramref name="managerId"/> with a tag of their own (so an export can select exactly them), with real contacts.</summary>
    public async Task<(string Tag, List<long> Ids)> ClientsAsync(long managerId, int count)
    {
        var tag = ApiTest.Unique("batch");
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
            ids.Add(ApiTest.Id(await ApiTest.CreateClientAsync(app.Client, ApiTest.Unique("Real client "), new
            {
                managerId, tags = new[] { tag }, email = ApiTest.Unique("real") + "@example.org", phone = $"+7916{Random.Shared.Next(1_000_000, 9_999_999)}",
            })));
        return (tag, ids);
    }

    public async Task SetThresholdAsync(int threshold) =>
        await ApiTest.JsonAsync(await app.Client.PutAsJsonAsync("/api/v1/exports/settings", new { threshold, canaryDomain = ExportSettings.DefaultCanaryDomain }));

    /// <summary>The export id the file's name carries: clients-2026-11-25-ID.csv.</summary>
    public static string FileExportId(HttpResponseMessage response)
    {
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName ?? "";
        var stem = Path.GetFileNameWithoutExtension(name.Trim('"'));
        return stem[(stem.LastIndexOf('-') + 1)..];
    }

    public static async Task<Csv> ReadCsvAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var delimiter = lines[0].Contains(';') ? ';' : ',';
        // The test data hold no delimiter or quote; the apostrophe is the export's guard before a leading '+'.
        string[] Split(string line) => [.. line.Split(delimiter).Select(v => v.TrimStart('\''))];
        return new Csv(FileExportId(response), Split(lines[0]), [.. lines.Skip(1).Select(Split)]);
    }

    public Task<List<ExportCanary>> CanariesAsync(string exportId) =>
        app.ReadAsync(db => db.Set<ExportCanary>().AsNoTracking().Where(c => c.ExportId == exportId).ToListAsync());

    public Task<ExportRecord?> RecordAsync(string exportId) =>
        app.ReadAsync(db => db.Set<ExportRecord>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == exportId));

    public static string ExportIdOf(JsonElement problem) => problem.GetProperty("exportId").GetString()!;
}
