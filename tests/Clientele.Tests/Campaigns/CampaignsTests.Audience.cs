using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Features.Campaigns;
using Clientele.Features.Identity;
using Clientele.Features.Pipeline;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Campaigns;

/// <summary>
/// The audience and policy side (ADR 039): an RFM segment as the audience, no marketing to a client with an open
/// complaint or a recently lost deal (the preview says how many and why), quiet hours in each client's own time zone,
/// and the owner's approval of a campaign above the size the owner set. In the campaigns class, to share its app and SMTP server.
/// </summary>
public abstract partial class CampaignsTests
{
    private async Task PolicyAsync(object policy) => await JsonAsync(await SendAsync(HttpMethod.Put, "/api/v1/campaign-settings/contact-policy", policy));

    private static int Reason(JsonElement preview, string reason) =>
        preview.GetProperty("excludedByReason").TryGetProperty(reason, out var count) ? count.GetInt32() : 0;

    [Fact]
    public async Task Complaints_and_lost_deals_are_excluded_with_their_reason_an_rfm_segment_narrows_the_audience_and_quiet_hours_follow_each_clients_zone()
    {
        await ConfigureAsync(perWeek: 100, perMonth: 400);
        var (unhappy, _) = await ContactAsync(Unique("unhappy") + "@kunde.example");
        var (called, _) = await ContactAsync(Unique("called") + "@kunde.example");
        var (lost, _) = await ContactAsync(Unique("lost") + "@kunde.example");
        var (plain, _) = await ContactAsync(Unique("plain") + "@kunde.example");
        // An unhappy answer nobody called about is an open complaint; one followed by a call is not.
        await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = unhappy, satisfaction = 3, missing = "Late deliveries" }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = called, satisfaction = 4 }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync("/api/v1/interactions", new { clientId = called, kind = "Call", text = "Sorted it out" }),
            HttpStatusCode.Created);
        var lostStage = await App.ReadAsync(db => db.Set<PipelineStage>().Where(s => s.Outcome == StageOutcome.Lost).Select(s => s.Id).FirstAsync());
        var deal = Id(await JsonAsync(await PostAsync("/api/v1/deals", new { clientId = lost, title = "Big order", value = 1000m, currency = "EUR" }), HttpStatusCode.Created));
        await JsonAsync(await SendAsync(HttpMethod.Patch, $"/api/v1/deals/{deal}", new { stageId = lostStage, lostReason = "Price" }));
        var campaign = await CampaignAsync(await GroupAsync(unhappy, called, lost, plain));

        var preview = await GetJsonAsync($"/api/v1/campaigns/{campaign}/preview");
        Assert.Equal((4, 2, 2), (preview.GetProperty("audienceClients").GetInt32(), preview.GetProperty("recipients").GetInt32(), preview.GetProperty("excluded").GetInt32()));
        Assert.Equal((1, 1), (Reason(preview, "OpenComplaint"), Reason(preview, "RecentLostDeal")));
        var rows = preview.GetProperty("excludedContacts").EnumerateArray().ToDictionary(e => e.GetProperty("clientId").GetInt64(), e => e.GetProperty("reason").GetString());
        Assert.Equal(new Dictionary<long, string?> { [unhappy] = "OpenComplaint", [lost] = "RecentLostDeal" }, rows);
        // The owner's days: with none the lost deal no longer holds the client back.
        await PolicyAsync(new { perWeek = 100, perMonth = 400, quietFromHour = 0, quietUntilHour = 0, lostDealDays = 0 });
        preview = await GetJsonAsync($"/api/v1/campaigns/{campaign}/preview");
        Assert.Equal((3, 0), (preview.GetProperty("recipients").GetInt32(), Reason(preview, "RecentLostDeal")));

        // RFM: of a buyer and a client without purchases, only the buyer has a segment; the audience takes the one the report gives it.
        await JsonAsync(await PostAsync("/api/v1/purchases", new
        {
            clientId = plain, date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = 500m } },
        }), HttpStatusCode.Created);
        var segment = await App.ReadAsync(async db =>
        {
            var report = await new AnalyticsService(db, App.Services.GetRequiredService<AnalyticsCache>(), TimeProvider.System).ReportAsync(null, CancellationToken.None);
            var at = Enumerable.Range(0, report.Base.Count).Single(i => report.Base.Clients[i].Id == plain);
            return report.Rfm[at]!.Value.Segment;
        });
        var rfm = Id(await JsonAsync(await PostAsync("/api/v1/campaigns", new
        {
            name = Unique("RFM "), audience = new { groupId = await GroupAsync(plain, called), rfmSegment = segment.ToString() },
            templates = new[] { Template("en", "Hi {{ client.name }}") }, defaultLanguage = "en",
        }), HttpStatusCode.Created));
        Assert.Equal(1, (await GetJsonAsync($"/api/v1/campaigns/{rfm}/preview")).GetProperty("audienceClients").GetInt32());

        // Quiet hours 0–12 in each client's zone: one zone is at six in the morning (postponed to its noon), the other at six in the evening.
        var now = DateTime.UtcNow;
        string ZoneAt(int localHour)
        {
            var offset = ((localHour - now.Hour) % 24 + 24) % 24;
            if (offset > 14) offset -= 24;
            // IANA's Etc zones count the other way round: Etc/GMT-3 is three hours ahead of UTC.
            return offset == 0 ? "Etc/UTC" : $"Etc/GMT{(offset > 0 ? "-" : "+")}{Math.Abs(offset)}";
        }
        var (morning, _) = await ContactAsync(Unique("morning") + "@kunde.example", clientFields: new { timeZone = ZoneAt(6) });
        var (evening, _) = await ContactAsync(Unique("evening") + "@kunde.example", clientFields: new { timeZone = ZoneAt(18) });
        Assert.Equal(ZoneAt(6), (await GetJsonAsync($"/api/v1/clients/{morning}")).GetProperty("timeZone").GetString());
        await PolicyAsync(new { perWeek = 100, perMonth = 400, quietFromHour = 0, quietUntilHour = 12 });
        var zoned = await CampaignAsync(await GroupAsync(morning, evening));
        var launched = await LaunchAsync(zoned);
        Assert.Equal((1, 1), (launched.GetProperty("sendNow").GetInt32(), launched.GetProperty("postponed").GetInt32()));
        var messages = await App.ReadAsync(db => db.Set<OutboxMessage>().Where(m => m.CampaignId == zoned).ToDictionaryAsync(m => m.ClientId));
        Assert.False(messages[evening].Postponed);
        var noon = TimeZoneInfo.ConvertTimeFromUtc(messages[morning].NotBefore, TimeZoneInfo.FindSystemTimeZoneById(ZoneAt(6)));
        Assert.True(messages[morning].Postponed);
        Assert.Equal((12, 0), (noon.Hour, noon.Minute));
        Assert.InRange(messages[morning].NotBefore - now, TimeSpan.FromHours(5), TimeSpan.FromHours(7));

        // Bad input changes nothing and names the field: a zone the server does not know, a policy out of range.
        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await PostAsync("/api/v1/clients", new { name = Unique("Zoneless "), kind = "Company", timeZone = "Mars/Olympus" }), "timeZone");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, "/api/v1/campaign-settings/contact-policy",
            new { perWeek = 2, perMonth = 4, quietFromHour = 21, quietUntilHour = 9, lostDealDays = -1, approvalAbove = -5 }), "lostDealDays");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        // What is due goes out now, so the class's later tests count only their own messages.
        await SendAsync();
        await ConfigureAsync();
    }

    [Fact]
    public async Task A_campaign_above_the_owners_size_waits_for_the_owners_approval_which_is_audited_and_undone_by_a_change()
    {
        await ConfigureAsync(perWeek: 100, perMonth: 400);
        await PolicyAsync(new { perWeek = 100, perMonth = 400, quietFromHour = 0, quietUntilHour = 0, approvalAbove = 1 });
        var marketer = await Privacy.CallerAsync(EmployeeRole.Marketer);
        var (first, _) = await ContactAsync(Unique("one") + "@kunde.example");
        var (second, _) = await ContactAsync(Unique("two") + "@kunde.example");
        var group = await GroupAsync(first, second);
        var campaign = await CampaignAsync(group);
        var body = await GetJsonAsync($"/api/v1/campaigns/{campaign}");

        var preview = await JsonAsync(await marketer.GetAsync($"/api/v1/campaigns/{campaign}/preview"));
        Assert.Equal((1, true), (preview.GetProperty("approvalAbove").GetInt32(), preview.GetProperty("needsApproval").GetBoolean()));
        var asked = await JsonAsync(await marketer.PostAsync($"/api/v1/campaigns/{campaign}/launch", null), HttpStatusCode.Accepted);
        Assert.Equal(2, asked.GetProperty("toSend").GetInt32());
        Assert.Equal(0, await App.ReadAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.CampaignId == campaign)));
        var waiting = await GetJsonAsync($"/api/v1/campaigns/{campaign}");
        Assert.Equal(("AwaitingApproval", 2), (waiting.GetProperty("status").GetString(), waiting.GetProperty("approvalSize").GetInt32()));
        await AssertProblemAsync(await marketer.PostAsync($"/api/v1/campaigns/{campaign}/launch", null), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/approval", new { approve = true })).StatusCode);
        await AssertInvalidAsync(await PostAsync($"/api/v1/campaigns/{campaign}/approval", new { }), "approve");

        var approved = await JsonAsync(await PostAsync($"/api/v1/campaigns/{campaign}/approval", new { approve = true }));
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        await AssertProblemAsync(await PostAsync($"/api/v1/campaigns/{campaign}/approval", new { approve = false }), HttpStatusCode.Conflict);
        // The builder saves before each launch: the same content keeps the approval; a change asks again.
        var update = JsonSerializer.Serialize(new
        {
            name = body.GetProperty("name").GetString(), audience = new { groupId = group }, overCap = "Skip", defaultLanguage = "en",
            templates = body.GetProperty("templates"),
        }, JsonSerializerOptions.Web);
        Assert.Equal("Approved", (await JsonAsync(await SendAsync(marketer, HttpMethod.Put, $"/api/v1/campaigns/{campaign}", update))).GetProperty("status").GetString());
        var launched = await JsonAsync(await marketer.PostAsync($"/api/v1/campaigns/{campaign}/launch", null));
        Assert.Equal(2, launched.GetProperty("sendNow").GetInt32());
        // The entries the campaign's steps write (beside the row-change entries every save of an entity writes).
        var trail = (await App.ReadAsync(db => db.Set<AuditEntry>().Where(e => e.Entity == nameof(Campaign) && e.EntityId == campaign).OrderBy(e => e.Id)
            .Select(e => new { e.Action, e.Detail, e.EmployeeId }).ToListAsync())).Where(e => e.Detail?.StartsWith('{') == false).ToList();
        Assert.Collection(trail,
            e => Assert.StartsWith("approval requested: 2 messages", e.Detail),
            e => Assert.Equal(("approved: 2 messages", (long?)App.OwnerId), (e.Detail, e.EmployeeId)),
            e => Assert.StartsWith("launched: 2 queued", e.Detail));

        var changed = await CampaignAsync(group);
        await JsonAsync(await marketer.PostAsync($"/api/v1/campaigns/{changed}/launch", null), HttpStatusCode.Accepted);
        await JsonAsync(await PostAsync($"/api/v1/campaigns/{changed}/approval", new { approve = true }));
        var edit = JsonSerializer.Serialize(new { name = "Changed after approval", audience = new { groupId = group }, templates = new[] { Template("en", "Other") } }, JsonSerializerOptions.Web);
        Assert.Equal("Draft", (await JsonAsync(await SendAsync(marketer, HttpMethod.Put, $"/api/v1/campaigns/{changed}", edit))).GetProperty("status").GetString());
        // The owner's own launch is the owner's decision.
        Assert.Equal(2, (await LaunchAsync(changed)).GetProperty("sendNow").GetInt32());
        // What is due goes out now, so the class's later tests count only their own messages.
        await SendAsync();
        await ConfigureAsync();
    }
}
