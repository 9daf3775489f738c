using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clientele.Features.Imports;
using Clientele.Tests.Imports.Engine;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Imports;

/// <summary>
/// The import over HTTP as the page uses it: upload answers the dry run, a changed mapping is checked again, the run
/// goes to the background runner and is polled to the end, and the whole import is rolled back. SQLite only: the
/// engine's provider differences are covered by <see cref="ClientImportFlowTests"/>; this is about the HTTP contract.
/// </summary>
public sealed class ImportsApiTests(SqliteApp fixture) : ApiTest(fixture), IClassFixture<SqliteApp>
{
    static ImportsApiTests() =>
        Environment.SetEnvironmentVariable(ImportUploads.FolderVariable, Path.Combine(Path.GetTempPath(), "clientele-test-uploads"));

    private static HttpContent Body(string text) => new ByteArrayContent(Encoding.UTF8.GetBytes(text))
    {
        Headers = { ContentType = new MediaTypeHeaderValue("text/csv") },
    };

    private static Task<HttpResponseMessage> UploadAsync(HttpClient http, string query, string csv) =>
        http.PostAsync("/api/v1/imports?" + query, Body(csv));

    private async Task<JsonElement> WaitForEndAsync(HttpClient http, long id)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var job = await JsonAsync(await http.GetAsync($"/api/v1/imports/{id}"));
            var status = job.GetProperty("status").GetString();
            if (status is not ("Queued" or "Running")) return job;
            Assert.True(DateTime.UtcNow < until, $"import {id} still {status} after 90 s");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Upload_checks_remap_run_in_background_poll_and_roll_back()
    {
        var u = Unique("");
        var csv = string.Join('\n',
            "Наименование;Телефон;Почта;Город",
            $"Альфа {u};+7 916 {Random.Shared.Next(1_000_000, 9_999_999)};alpha-{u}@example.ru;Тверь",
            $"Бета {u};;beta-{u}@example.ru;Казань",
            $"Гамма {u};;not-an-email;Омск") + "\n";
        var before = await ImportKit.SnapshotAsync(App);

        var created = await JsonAsync(await UploadAsync(Http, "kind=clients&fileName=clients.csv&region=RU", csv), HttpStatusCode.Created);
        var id = created.GetProperty("jobId").GetInt64();
        Assert.Equal((3, 2, 1), (created.GetProperty("rowsTotal").GetInt32(), created.GetProperty("create").GetInt32(), created.GetProperty("reject").GetInt32()));
        Assert.Equal("email", created.GetProperty("map").GetProperty("Почта").GetString());
        var rejected = Assert.Single(created.GetProperty("rows").EnumerateArray(), r => r.GetProperty("action").GetString() == "Reject");
        Assert.Equal((4, "email"), (rejected.GetProperty("line").GetInt32(), rejected.GetProperty("field").GetString()));

        // Checked again without the e-mail column: nothing is rejected any more.
        var remapped = await JsonAsync(await SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{id}/dry-run",
            """{"map":{"Наименование":"name","Телефон":"phone","Город":"city"}}"""));
        Assert.Equal((3, 0), (remapped.GetProperty("create").GetInt32(), remapped.GetProperty("reject").GetInt32()));
        var again = await JsonAsync(await SendJsonAsync(HttpMethod.Post, $"/api/v1/imports/{id}/dry-run",
            """{"map":{"Наименование":"name","Телефон":"phone","Почта":"email","Город":"city"}}"""));
        Assert.Equal(1, again.GetProperty("reject").GetInt32());
        Assert.Equal(before, await ImportKit.SnapshotAsync(App));

        // A rejected row needs the user's word before the valid rows are imported.
        var refused = await AssertProblemAsync(await PostAsync($"/api/v1/imports/{id}/run", new { skipInvalid = false }), HttpStatusCode.Conflict);
        Assert.Contains("rejected", refused.GetProperty("title").GetString());
        Assert.Equal(before, await ImportKit.SnapshotAsync(App));
        var accepted = await JsonAsync(await PostAsync($"/api/v1/imports/{id}/run", new { skipInvalid = true }), HttpStatusCode.Accepted);
        Assert.Equal(id, Id(accepted));

        var done = await WaitForEndAsync(Http, id);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal((2, 1, 100.0), (done.GetProperty("rowsCreated").GetInt32(), done.GetProperty("rowsRejected").GetInt32(), done.GetProperty("percent").GetDouble()));
        Assert.Single((await GetJsonAsync($"/api/v1/clients?q={Uri.EscapeDataString("альфа " + u)}")).GetProperty("items").EnumerateArray());
        Assert.Contains((await GetJsonAsync("/api/v1/imports")).EnumerateArray(), j => Id(j) == id);
        await AssertProblemAsync(await PostAsync($"/api/v1/imports/{id}/run", new { skipInvalid = true }), HttpStatusCode.Conflict);
        await AssertProblemAsync(await PostAsync($"/api/v1/imports/{id}/dry-run", new { }), HttpStatusCode.Conflict);

        var rolledBack = await JsonAsync(await PostAsync($"/api/v1/imports/{id}/rollback", new { }));
        Assert.Equal("RolledBack", rolledBack.GetProperty("status").GetString());
        Assert.Empty((await GetJsonAsync($"/api/v1/clients?q={Uri.EscapeDataString("альфа " + u)}")).GetProperty("items").EnumerateArray());
        await AssertProblemAsync(await PostAsync($"/api/v1/imports/{id}/rollback", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_uploads_get_located_errors_and_change_nothing()
    {
        var before = await ImportKit.SnapshotAsync(App);
        var jobsBefore = (await GetJsonAsync("/api/v1/imports")).GetArrayLength();

        await AssertInvalidAsync(await UploadAsync(Http, "kind=people", "name\nA\n"), "kind");
        await AssertInvalidAsync(await UploadAsync(Http, "onMatch=merge", "name\nA\n"), "onMatch");
        await AssertInvalidAsync(await UploadAsync(Http, "region=Russia", "name\nA\n"), "region");
        await AssertInvalidAsync(await UploadAsync(Http, "map=" + Uri.EscapeDataString("Name"), "name\nA\n"), "map");
        await AssertInvalidAsync(await UploadAsync(Http, "", ""), "file");

        var garbage = await Http.PostAsync("/api/v1/imports?kind=clients", new ByteArrayContent([0x00, 0x01, 0xFF, 0xFE, 0x00, 0x9C, 0x00, 0x00, 0x13, 0x37]));
        var unreadable = await AssertProblemAsync(garbage, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(unreadable.GetProperty("detail").GetString()));
        var unmapped = await AssertProblemAsync(await UploadAsync(Http, "kind=clients", "Farbe;Größe\nrot;groß\n"), HttpStatusCode.BadRequest);
        Assert.Contains("name", unmapped.GetProperty("detail").GetString());

        await AssertProblemAsync(await Http.GetAsync("/api/v1/imports/999999"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await PostAsync("/api/v1/imports/999999/run", new { }), HttpStatusCode.NotFound);
        await AssertProblemAsync(await PostAsync("/api/v1/imports/999999/rollback", new { }), HttpStatusCode.NotFound);
        Assert.Equal(before, await ImportKit.SnapshotAsync(App));
        await AssertInvalidAsync(await UploadAsync(Http, "kind=clients", "name;city\n"), "file");
        // A file that cannot be imported leaves no job behind.
        Assert.Equal(jobsBefore, (await GetJsonAsync("/api/v1/imports")).GetArrayLength());
    }

    [Fact]
    public async Task A_manager_sees_and_runs_only_own_imports()
    {
        var u = Unique("");
        var ownerJob = (await JsonAsync(await UploadAsync(Http, "kind=clients", $"name\nOwner Firm {u}\n"), HttpStatusCode.Created)).GetProperty("jobId").GetInt64();
        var manager = await ManagerAsync();
        var mine = (await JsonAsync(await UploadAsync(manager, "kind=clients", $"name;city\nManager Firm {u};Berlin\n"), HttpStatusCode.Created)).GetProperty("jobId").GetInt64();

        var listed = (await JsonAsync(await manager.GetAsync("/api/v1/imports"))).EnumerateArray().Select(Id).ToList();
        Assert.Contains(mine, listed);
        Assert.DoesNotContain(ownerJob, listed);
        await AssertProblemAsync(await manager.GetAsync($"/api/v1/imports/{ownerJob}"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await manager.PostAsync($"/api/v1/imports/{ownerJob}/run", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.NotFound);

        await JsonAsync(await manager.PostAsync($"/api/v1/imports/{mine}/run", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.Accepted);
        Assert.Equal("Completed", (await WaitForEndAsync(manager, mine)).GetProperty("status").GetString());
        // The runner worked as the manager: the new client is the manager's, so the manager's own list shows it.
        Assert.Single((await JsonAsync(await manager.GetAsync($"/api/v1/clients?q={Uri.EscapeDataString("manager firm " + u)}"))).GetProperty("items").EnumerateArray());
        Assert.Contains(mine, (await GetJsonAsync("/api/v1/imports")).EnumerateArray().Select(Id));
    }

    [Fact]
    public async Task Uploads_unused_for_two_weeks_are_removed_unless_an_unfinished_import_needs_them()
    {
        // A folder of its own: the runners of other test apps clean the shared one at their start.
        var folder = Directory.CreateTempSubdirectory("clientele-stale-uploads-").FullName;
        var orphan = Path.Combine(folder, "old-orphan.csv");
        var needed = Path.Combine(folder, "old-needed.csv");
        var recent = Path.Combine(folder, "recent.csv");
        foreach (var file in new[] { orphan, needed, recent }) await File.WriteAllTextAsync(file, "name\nA\n");
        File.SetLastWriteTimeUtc(orphan, DateTime.UtcNow.AddDays(-15));
        File.SetLastWriteTimeUtc(needed, DateTime.UtcNow.AddDays(-15));
        var job = await ImportKit.CreateJobAsync(App, needed);
        await App.ReadAsync(db => db.Set<ImportJob>().Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Interrupted)));

        var removed = await App.ReadAsync(db => ImportRunner.RemoveStaleUploadsAsync(db, folder, DateTime.UtcNow, CancellationToken.None));

        Assert.Equal(1, removed);
        Assert.False(File.Exists(orphan));
        Assert.True(File.Exists(needed), "an interrupted import still needs its file to resume");
        Assert.True(File.Exists(recent));
        Directory.Delete(folder, recursive: true);
    }
}
