using System.Net;
using System.Text.Json;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Clientele.Tests.LostClients.LostClientsKit;

namespace Clientele.Tests.LostClients;

/// <summary>A client's previous supplier and the won-and-lost-by-competitor report (ADR 045), in the lost report's class and fixture.</summary>
public abstract partial class LostClientsReportTests
{
    private static (int Won, decimal WonRevenue, decimal WonContribution, int Lost, decimal LostRevenue, int Net, decimal NetRevenue) Balance(JsonElement row) =>
        (row.GetProperty("won").GetInt32(), Money(row, "wonRevenue"), Money(row, "wonContribution"), row.GetProperty("lost").GetInt32(),
         Money(row, "lostRevenue"), row.GetProperty("net").GetInt32(), Money(row, "netRevenue"));

    [Fact]
    public async Task Clients_won_from_each_competitor_are_set_against_clients_lost_to_it_in_the_readers_scope()
    {
        var managerUser = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, Unique("Supplier manager "));
        var manager = managerUser.Id;
        var asManager = App.ClientWithToken(await App.IssueTokenAsync(manager, "tests"));
        var otherManager = await Lost.ManagerIdAsync();
        var rivalA = Unique("Rival A ");
        var rivalB = Unique("Rival B ");
        // The period: from the first day of the month two months back to today.
        var start = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-2);
        var period = $"from={Day(start)}&to={Day(Today)}";

        // Won from A on the acquisition day, with a purchase in the period (1,000 at a cost of 600) and one before it.
        var w1 = await CreateClientAsync(Unique("W1 "), new { managerId = manager, previousSupplierName = rivalA, acquiredOn = Day(start.AddDays(2)) });
        var a = w1.GetProperty("previousSupplierId").GetInt64();
        await Lost.BuyAsync(Id(w1), start.AddDays(5), 1000m, 600m);
        await Lost.BuyAsync(Id(w1), start.AddDays(-40), 500m);
        // Won from A (by id) on its first purchase: 300 at a cost of 100.
        var w2 = Id(await CreateClientAsync(Unique("W2 "), new { managerId = manager, previousSupplierId = a }));
        await Lost.BuyAsync(w2, start.AddDays(10), 300m, 100m);
        // From A too (its name in other letters finds it), but won before the period: not counted.
        var w3 = await CreateClientAsync(Unique("W3 "), new { managerId = manager, previousSupplierName = rivalA.ToUpperInvariant(), acquiredOn = Day(start.AddDays(-60)) });
        Assert.Equal(a, w3.GetProperty("previousSupplierId").GetInt64());
        // Lost to A (800 in the month before) and to B (200).
        var l1 = Id(await CreateClientAsync(Unique("L1 "), new { managerId = manager }));
        await Lost.BuyAsync(l1, start.AddDays(-20), 800m);
        await JsonAsync(await Lost.MarkAsync(l1, new { reasonCode = "competitor-offer", competitorId = a, lostOn = Day(start.AddDays(15)) }));
        var l2 = Id(await CreateClientAsync(Unique("L2 "), new { managerId = manager }));
        await Lost.BuyAsync(l2, start.AddDays(1), 200m);
        var b = (await JsonAsync(await Lost.MarkAsync(l2, new { reasonCode = "price", competitorName = rivalB, lostOn = Day(start.AddDays(16)) }))).GetProperty("competitorId").GetInt64();
        // Won from a duplicate of B, entered today with no purchase; the duplicate is then merged into B.
        var c = Id(await JsonAsync(await PostAsync("/api/v1/competitors", new { name = Unique("Rival B dup ") }), HttpStatusCode.Created));
        var w4 = Id(await CreateClientAsync(Unique("W4 "), new { managerId = manager, previousSupplierId = c }));
        await JsonAsync(await PostAsync($"/api/v1/competitors/{c}/merge", new { intoId = b }));
        Assert.Equal(b, (await GetJsonAsync($"/api/v1/clients/{w4}")).GetProperty("previousSupplierId").GetInt64());
        // Another manager's client won from A with 5,000: the owner counts it, the first manager never.
        var other = Id(await CreateClientAsync(Unique("O "), new { managerId = otherManager, previousSupplierId = a, acquiredOn = Day(start.AddDays(3)) }));
        await Lost.BuyAsync(other, start.AddDays(4), 5000m);

        // A: won 2 (1,000 + 300; contribution 400 + 200), lost 1 (800): net +1, +500. B: won 1 (nothing yet), lost 1 (200).
        async Task AssertManagersViewAsync(JsonElement report)
        {
            var rows = report.GetProperty("competitors").EnumerateArray().ToList();
            Assert.Equal([a, b], rows.Select(r => r.GetProperty("competitorId").GetInt64()));
            Assert.Equal([rivalA, rivalB], rows.Select(r => r.GetProperty("name").GetString()));
            Assert.Equal((2, 1300m, 600m, 1, 800m, 1, 500m), Balance(rows[0]));
            Assert.Equal((1, 0m, 0m, 1, 200m, 0, -200m), Balance(rows[1]));
            Assert.Equal((3, 1300m, 600m, 2, 1000m, 1, 300m), Balance(report.GetProperty("total")));
        }
        await AssertManagersViewAsync(await GetJsonAsync($"/api/v1/analytics/competitors?managerId={manager}&{period}"));
        // The manager's own view is the same without a filter: the other manager's client is not counted, not even asked for by its manager.
        await AssertManagersViewAsync(await JsonAsync(await asManager.GetAsync($"/api/v1/analytics/competitors?{period}")));
        var foreign = await JsonAsync(await asManager.GetAsync($"/api/v1/analytics/competitors?managerId={otherManager}&{period}"));
        Assert.Equal((0, 0m, 0m, 0, 0m, 0, 0m), Balance(foreign.GetProperty("total")));
        Assert.Empty(foreign.GetProperty("competitors").EnumerateArray());
        var all = await GetJsonAsync($"/api/v1/analytics/competitors?{period}");
        Assert.Equal((3, 6300m), all.GetProperty("competitors").EnumerateArray().Where(r => r.GetProperty("competitorId").GetInt64() == a)
            .Select(r => (r.GetProperty("won").GetInt32(), Money(r, "wonRevenue"))).Single());

        // The same table leaves through the export gate, and the gate records it.
        var csv = await asManager.GetAsync($"/api/v1/analytics/competitors/export?format=csv&{period}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length); // header, A, B, total
        Assert.Contains(rivalA, lines[1]);
        Assert.True(await App.ReadAsync(db => db.Set<Clientele.Features.Exports.Control.ExportRecord>()
            .AnyAsync(r => r.EmployeeId == manager && r.Path == "/api/v1/analytics/competitors/export")));
        await AssertInvalidAsync(await Http.GetAsync($"/api/v1/analytics/competitors?from={Day(Today)}&to={Day(start)}"), "from");
        await AssertInvalidAsync(await Http.GetAsync("/api/v1/analytics/competitors/export?format=csv&to=never"), "to");
    }

    [Fact]
    public async Task A_bad_previous_supplier_is_refused_naming_the_field_and_changes_nothing()
    {
        var client = await CreateClientAsync(Unique("Keeps "), new { previousSupplierName = Unique("Old rival ") });
        var id = Id(client);
        var held = client.GetProperty("previousSupplierId").GetInt64();
        var etag = $"\"{client.GetProperty("version").GetInt64()}\"";
        var retired = Id(await JsonAsync(await PostAsync("/api/v1/competitors", new { name = Unique("Retired ") }), HttpStatusCode.Created));
        await JsonAsync(await SendAsync(HttpMethod.Put, $"/api/v1/competitors/{retired}", new { name = (string?)null, isActive = false }));
        var before = await DbSnapshot.TakeAsync(App);

        var unknown = await AssertInvalidAsync(await PostAsync("/api/v1/clients", new { name = Unique("N "), previousSupplierId = 987654321 }), "previousSupplierId");
        Assert.Contains("987654321", unknown.GetProperty("errors").GetProperty("previousSupplierId")[0].GetString());
        await AssertInvalidAsync(await PostAsync("/api/v1/clients", new { name = Unique("N "), previousSupplierName = new string('x', 201) }), "previousSupplierName");
        await AssertInvalidAsync(await PostAsync("/api/v1/clients", new { name = Unique("N "), previousSupplierId = retired }), "previousSupplierId");
        await AssertInvalidAsync(await PostAsync("/api/v1/clients", new { name = Unique("N "), previousSupplierId = held, previousSupplierName = Unique("Other ") }), "previousSupplierId");
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{id}", """{"previousSupplierId":987654321}""", etag, "application/merge-patch+json"), "previousSupplierId");
        // A stale version is refused before anything is looked at.
        Assert.Equal(HttpStatusCode.PreconditionFailed,
            (await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{id}", """{"previousSupplierName":"Newer"}""", "\"999\"", "application/merge-patch+json")).StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        // A name patched onto a client that holds one replaces it; the version moves and the ETag says so.
        var renamed = Unique("New rival ");
        var patched = await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{id}", $$"""{"previousSupplierName":"{{renamed}}"}""", etag, "application/merge-patch+json");
        var after = await JsonAsync(patched);
        Assert.NotEqual(held, after.GetProperty("previousSupplierId").GetInt64());
        Assert.Equal($"\"{after.GetProperty("version").GetInt64()}\"", patched.Headers.ETag?.Tag);
        var competitors = await GetJsonAsync("/api/v1/competitors");
        Assert.Contains(competitors.EnumerateArray(), x => x.GetProperty("name").GetString() == renamed && x.GetProperty("id").GetInt64() == after.GetProperty("previousSupplierId").GetInt64());
        // A client that came from a competitor deactivated since still saves its other fields.
        var fromRetired = await CreateClientAsync(Unique("Was "), new { previousSupplierId = held });
        await JsonAsync(await SendAsync(HttpMethod.Put, $"/api/v1/competitors/{held}", new { name = (string?)null, isActive = false }));
        var kept = await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/clients/{Id(fromRetired)}", """{"city":"Tver"}""",
            $"\"{fromRetired.GetProperty("version").GetInt64()}\"", "application/merge-patch+json"));
        Assert.Equal(held, kept.GetProperty("previousSupplierId").GetInt64());
    }
}
