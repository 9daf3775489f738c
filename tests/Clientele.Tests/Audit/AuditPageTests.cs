using System.Net;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Audit;

/// <summary>The pages as the server renders them for a signed-in caller (a token works for pages as for the API).</summary>
public abstract class AuditPageTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task Opening_a_client_card_records_one_view_and_the_owner_page_shows_the_questions()
    {
        var manager = await App.AddUserAsync(Unique("card") + "@clientele.test", EmployeeRole.Manager, Unique("Card reader "));
        var http = App.ClientWithToken(await App.IssueTokenAsync(manager.Id, "pages"));
        var client = Id(await CreateClientAsync(Unique("Card "), new { managerId = manager.Id }));

        var card = await http.GetAsync($"/clients/{client}");
        Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        // Rendered again within the minute (as when the page turns interactive): still one view.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/clients/{client}")).StatusCode);

        var views = (await GetJsonAsync($"/api/v1/audit?clientId={client}&action=ClientViewed")).GetProperty("items").EnumerateArray().ToList();
        var view = Assert.Single(views);
        Assert.Equal(manager.Id, view.GetProperty("employeeId").GetInt64());

        var page = await Http.GetAsync("/audit");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Which clients did an employee see?", html);
        Assert.Contains("id=\"entries-list\"", html);
        Assert.Contains("Mass-access alerts", html);

        var denied = await http.GetAsync("/audit");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    [Fact]
    public async Task The_trail_reads_in_the_readers_language_on_the_companys_clock_with_changes_as_fields()
    {
        var name = Unique("Uhrwerk ");
        var client = Id(await CreateClientAsync(name, new { city = "Köln" }));
        // Tokyo keeps no summer time: its wall clock is UTC + 9 all year.
        var at = await App.ReadAsync(async db =>
        {
            await db.CompanySettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.TimeZone, "Asia/Tokyo"));
            return await db.Set<AuditEntry>().Where(e => e.Entity == "Client" && e.EntityId == client && e.Action == AuditAction.Created).Select(e => e.At).SingleAsync();
        });

        using var request = new HttpRequestMessage(HttpMethod.Get, "/audit");
        request.Headers.AcceptLanguage.ParseAdd("de");
        var html = WebUtility.HtmlDecode(await (await Http.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.Contains($"<td class=\"audit-record\">Kunde {client}</td>", html);
        Assert.Contains(at.AddHours(9).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains($"<div>Name: {name}</div>", html);
        Assert.Contains("<div>City: Köln</div>", html);
        Assert.DoesNotContain("{\"after\"", html);
    }
}

public sealed class AuditPageTestsOnSqlite(SqliteApp fixture) : AuditPageTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class AuditPageTestsOnPostgres(PostgresApp fixture) : AuditPageTests(fixture), IClassFixture<PostgresApp>;
