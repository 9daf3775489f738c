using System.Net;
using System.Net.Http.Json;
using Clientele.Data;
using Clientele.Features.Access;
using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Features.Company;
using Clientele.Features.Duplicates;
using Clientele.Features.Groups;
using Clientele.Features.Handover;
using Clientele.Features.Identity;
using Clientele.Features.Pipeline;
using Clientele.Features.Purchases;
using Clientele.Features.Surveys;
using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Audit;

/// <summary>
/// The rest of the pages that list clients (issue 17): group members, the duplicates review, key-person risk, tasks,
/// survey results, the pipeline board, leads and purchases. Each page's own reading function is called over a context of
/// the signed-in manager's scope, as the page calls it (no Blazor render: that is what <c>MassAccessTests.Pages</c>
/// costs): one entry per page shown naming exactly the clients it returned, as the API twin records; a stopped reader
/// gets nothing and nothing is recorded.
/// </summary>
public abstract partial class MassAccessTests
{
    private async Task<T> AsManagerAsync<T>(long managerId, Func<ClienteleDb, Task<T>> read) =>
        await App.ReadAsync(db =>
        {
            db.Access = AccessScope.ForEmployee(managerId, EmployeeRole.Manager);
            return read(db);
        });

    /// <summary>Each list page's reading, by the path it records under, answering the client ids it returned (null: stopped).</summary>
    private Dictionary<string, Func<ClienteleDb, Task<long[]?>>> ListPages(long groupId)
    {
        var cache = App.Services.GetRequiredService<AnalyticsCache>();
        var clock = TimeProvider.System;
        static long[] Ids(IEnumerable<long> ids) => [.. ids.Distinct().Order()];
        return new()
        {
            [$"/groups/{groupId}"] = async db =>
                await GroupPage.MembersShownAsync(db, await new AnalyticsService(db, cache, clock).ReportAsync(null), groupId, default) is { } members
                    ? Ids(GroupsApi.ClientIdsOf(members)) : null,
            ["/duplicates"] = async db =>
                await DuplicatesPage.OpenPairsShownAsync(db, new DuplicateFilter(), default) is { } pairs ? Ids(DuplicatesApi.ClientIdsOf(pairs)) : null,
            ["/key-person-risk"] = async db =>
                await KeyPersonRiskPage.ShownAsync(db, cache, clock, default) is var (report, stopped) && !stopped ? Ids(HandoverApi.ClientIdsOf(report)) : null,
            ["/tasks"] = async db =>
                await TasksPage.PageShownAsync(db, TaskView.Overdue, await CompanyDays.OfAsync(db), db.UtcNow, 0, 25, default) is { } tasks
                    ? Ids(tasks.Rows.Select(t => t.ClientId)) : null,
            ["/surveys"] = async db =>
            {
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                var (results, stopped) = await SurveyResultsPage.ShownAsync(db, today.AddDays(-2), today.AddDays(2), default);
                return stopped ? null : Ids(SurveysApi.ClientIdsOf(results));
            },
            ["/pipeline"] = async db =>
                await PipelinePage.CardsShownAsync(db, await PipelineStagesApi.OrderedAsync(db), 100, default) is { } deals ? Ids(deals.Select(d => d.ClientId)) : null,
            ["/leads"] = async db =>
                await LeadsPage.OpenLeadsShownAsync(db, default) is { } leads
                    ? Ids(leads.Select(l => LeadsApi.ReferrerShown(LeadsApi.Spec.ToResponse(l))).OfType<long>()) : null,
            ["/purchases"] = async db =>
                await PurchasesPage.PageShownAsync(db, 0, 25, default) is { } purchases ? Ids(purchases.Select(p => p.ClientId)) : null,
        };
    }

    [Fact]
    public async Task Every_other_page_listing_clients_records_one_entry_per_page_shown_naming_its_clients_and_lists_nothing_to_a_stopped_reader()
    {
        var manager = await App.AddUserAsync(Unique("lists") + "@clientele.test", EmployeeRole.Manager, Unique("Lists "));
        var asManager = App.ClientWithToken(await App.IssueTokenAsync(manager.Id, "lists"));
        var clients = new List<long>();
        var recently = DateTime.UtcNow.AddDays(-10);
        for (var i = 0; i < 2; i++)
        {
            var client = Id(await CreateClientAsync(Unique("Listed client "), new { managerId = manager.Id, status = 1 }));
            clients.Add(client);
            await JsonAsync(await PostAsync("/api/v1/purchases", new
            {
                clientId = client, date = recently, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = 10m } },
            }), HttpStatusCode.Created);
            await JsonAsync(await asManager.PostAsJsonAsync("/api/v1/interactions", new { clientId = client, kind = "Call", occurredAt = recently, summary = "Called" }), HttpStatusCode.Created);
            await JsonAsync(await PostAsync("/api/v1/tasks", new { clientId = client, title = "Call back", dueAt = DateTime.UtcNow.AddHours(-1), assigneeId = manager.Id }), HttpStatusCode.Created);
            await JsonAsync(await PostAsync("/api/v1/deals", new { clientId = client, title = "Listed deal", value = 10m, currency = "RUB" }), HttpStatusCode.Created);
            // Asked by the manager: the answer is an interaction of theirs, so the client still runs through them alone.
            await JsonAsync(await asManager.PostAsJsonAsync("/api/v1/surveys", new { clientId = client, satisfaction = 6, missing = "Faster delivery" }), HttpStatusCode.Created);
            await JsonAsync(await PostAsync("/api/v1/leads", new { name = Unique("Referred "), email = Unique("referred") + "@lead.example", referrerClientId = client }), HttpStatusCode.Created);
        }
        var group = Id(await JsonAsync(await PostAsync("/api/v1/groups", new { name = Unique("Listed group ") }), HttpStatusCode.Created));
        foreach (var client in clients)
            Assert.Equal(HttpStatusCode.NoContent, (await Http.PutAsync($"/api/v1/groups/{group}/members/{client}", null)).StatusCode);
        await App.ReadAsync(async db =>
        {
            db.Add(new DuplicateCandidate { ClientId = clients[0], OtherClientId = clients[1], Reason = DuplicateReason.NameAndCity, Score = 0.9, Source = DuplicateSource.Scan, Status = DuplicateStatus.Open, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var expected = clients.Order().ToArray();

        var pages = ListPages(group);
        var wrong = new List<string>();
        foreach (var (path, read) in pages)
        {
            var shown = await AsManagerAsync(manager.Id, read);
            // The page's second rendering (prerendered, then interactive) is the same page shown.
            var again = await AsManagerAsync(manager.Id, read);
            var entries = await PageEntriesAsync(manager.Id, path);
            if (!expected.SequenceEqual(shown ?? []) || !expected.SequenceEqual(again ?? []) || entries.Count != 1 || !expected.SequenceEqual(entries[0]))
                wrong.Add($"{path}: shown [{string.Join(',', shown ?? [])}], audited {string.Join(" | ", entries.Select(e => "[" + string.Join(',', e) + "]"))}");
        }
        Assert.True(wrong.Count == 0, $"expected [{string.Join(',', expected)}] shown once and audited once:\n" + string.Join('\n', wrong));

        await App.ReadAsync(async db =>
        {
            db.Add(new MassAccessAlert { EmployeeId = manager.Id, At = DateTime.UtcNow, ClientCount = 250, Baseline = 10 });
            return await db.SaveChangesAsync();
        });
        var before = await App.ReadAsync(db => db.Set<AuditEntry>().CountAsync(e => e.EmployeeId == manager.Id && e.Action == AuditAction.ClientsSearched));
        foreach (var (path, read) in pages)
            Assert.True(await AsManagerAsync(manager.Id, read) is null, $"{path} listed clients to a stopped reader");
        Assert.Equal(before, await App.ReadAsync(db => db.Set<AuditEntry>().CountAsync(e => e.EmployeeId == manager.Id && e.Action == AuditAction.ClientsSearched)));
        // The API twin of one of them refuses the stopped reader alike.
        await AssertProblemAsync(await asManager.GetAsync("/api/v1/leads"), HttpStatusCode.Forbidden);
    }
}
