using System.Net;
using System.Net.Http.Json;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Audit;

/// <summary>
/// The pages that list clients besides the grid (issue 17): each page shown is one entry naming its clients, as its
/// API twin's answer is, and a user the guard stopped gets the notice instead of the rows. The pages are fetched as a
/// signed-in browser does; Blazor prerenders them on the server, which runs the page's own reading code.
/// </summary>
public abstract partial class MassAccessTests
{
    private async Task<HttpClient> SignedInAsync(Employee user)
    {
        var browser = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        (await browser.PostAsJsonAsync("/api/v1/account/sign-in", new { email = user.Email, password = ClienteleApp.OwnerPassword })).EnsureSuccessStatusCode();
        return browser;
    }

    /// <summary>The clients named by each entry of <paramref name="employeeId"/>'s for the page at <paramref name="page"/>, oldest first.</summary>
    private Task<List<long[]>> PageEntriesAsync(long employeeId, string page) =>
        App.ReadAsync(async db =>
        {
            var entries = await db.Set<AuditEntry>().AsNoTracking()
                .Where(e => e.EmployeeId == employeeId && e.Action == AuditAction.ClientsSearched && e.Detail!.Contains("\"path\":\"" + page + "\""))
                .OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            var named = await db.Set<AuditEntryClient>().AsNoTracking().Where(c => entries.Contains(c.EntryId)).Select(c => new { c.EntryId, c.ClientId }).ToListAsync();
            return entries.Select(id => named.Where(n => n.EntryId == id).Select(n => n.ClientId).Order().ToArray()).ToList();
        });

    [Fact]
    public async Task The_home_page_and_my_day_are_audited_once_per_page_shown_naming_their_clients_and_show_a_stopped_user_no_clients()
    {
        var manager = await App.AddUserAsync(Unique("pages") + "@clientele.test", EmployeeRole.Manager, Unique("Pages "));
        var clients = await AuditKit.AddClientsAsync(App, 2, manager.Id, Unique("Listed"));
        foreach (var client in clients)
            await JsonAsync(await PostAsync("/api/v1/tasks", new { clientId = client, title = "Call back", dueAt = DateTime.UtcNow.AddHours(-1), assigneeId = manager.Id }), HttpStatusCode.Created);
        var browser = await SignedInAsync(manager);

        foreach (var page in new[] { "/my-day", "/" })
        {
            var html = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("client-list-stopped", html);
            // Rendered again when the page turns interactive: the same page shown, not a second entry.
            await browser.GetAsync(page);
            Assert.Equal(clients.Order(), Assert.Single(await PageEntriesAsync(manager.Id, page)));
        }

        await App.ReadAsync(async db =>
        {
            db.Add(new MassAccessAlert { EmployeeId = manager.Id, At = DateTime.UtcNow, ClientCount = 250, Baseline = 10 });
            return await db.SaveChangesAsync();
        });
        var before = await App.ReadAsync(db => db.Set<AuditEntry>().CountAsync(e => e.EmployeeId == manager.Id && e.Action == AuditAction.ClientsSearched));
        foreach (var page in new[] { "/", "/at-risk" })
        {
            var stopped = await (await browser.GetAsync(page)).Content.ReadAsStringAsync();
            Assert.Contains("client-list-stopped", stopped);
            Assert.DoesNotContain($"/clients/{clients[0]}\"", stopped);
        }
        Assert.Equal(before, await App.ReadAsync(db => db.Set<AuditEntry>().CountAsync(e => e.EmployeeId == manager.Id && e.Action == AuditAction.ClientsSearched)));
    }
}
