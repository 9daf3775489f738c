using System.Globalization;
using Clientele.Data;
using Clientele.Features.Access;
using Clientele.Features.Analytics;
using Clientele.Features.Campaigns;
using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Campaigns;

/// <summary>
/// What the campaign pages read beside the API: the campaigns list with its counts and the messages on a client's
/// timeline, each in the reader's scope (a manager counts and sees their own clients only, an analyst no messages).
/// In the same class as the API's tests, to share their app and their SMTP server.
/// </summary>
public abstract partial class CampaignsTests
{
    private async Task<T> AsAsync<T>(long employeeId, EmployeeRole role, Func<ClienteleDb, Task<T>> read) =>
        await App.ReadAsync(db =>
        {
            db.Access = AccessScope.ForEmployee(employeeId, role);
            return read(db);
        });

    private CampaignService Service(ClienteleDb db) => new CampaignPages(App.Services.GetRequiredService<AnalyticsCache>(), TimeProvider.System).Service(db);

    [Fact]
    public async Task The_campaigns_list_counts_messages_and_the_timeline_shows_them_each_in_the_readers_scope()
    {
        await ConfigureAsync(perWeek: 100, perMonth: 400);
        var manager = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, "Maxim Manager");
        var analyst = await App.AddUserAsync(Unique("a") + "@clientele.test", EmployeeRole.Analyst, "Anja Analyst");
        var (mine, minePerson) = await ContactAsync(Unique("mine") + "@kunde.example", clientFields: new { managerId = manager.Id });
        var (foreign, _) = await ContactAsync(Unique("foreign") + "@kunde.example");
        var (silent, _) = await ContactAsync(Unique("silent") + "@kunde.example", consent: false);
        var campaign = await CampaignAsync(await GroupAsync(mine, foreign, silent));
        var name = await App.ReadAsync(db => db.Set<Campaign>().Where(c => c.Id == campaign).Select(c => c.Name).SingleAsync());

        var draft = Assert.Single(await App.ReadAsync(db => Service(db).SummariesAsync(default)), c => c.Id == campaign);
        Assert.Equal((CampaignStatus.Draft, 0), (draft.Status, draft.Recipients));
        await LaunchAsync(campaign);
        Assert.Equal(2, (await SendAsync()).Sent);

        var owners = Assert.Single(await App.ReadAsync(db => Service(db).SummariesAsync(default)), c => c.Id == campaign);
        Assert.Equal((CampaignStatus.Launched, 2, 2, 0, 0), (owners.Status, owners.Recipients, owners.Sent, owners.Waiting, owners.Failed));
        var managers = Assert.Single(await AsAsync(manager.Id, EmployeeRole.Manager, db => Service(db).SummariesAsync(default)), c => c.Id == campaign);
        Assert.Equal((1, 1), (managers.Recipients, managers.Sent));

        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
        try
        {
            var personName = await App.ReadAsync(db => db.ContactPersons.Where(p => p.Id == minePerson).Select(p => p.Name).SingleAsync());
            var item = Assert.Single(await AsAsync(manager.Id, EmployeeRole.Manager, async db =>
                await CampaignTimeline.ItemsAsync(db, mine, await db.ContactPersons.Where(p => p.ClientId == mine).ToListAsync(), 200, default)));
            Assert.Equal((TimelineKind.Message, $"Kampagne „{name}“ an {personName}: vom Mailserver angenommen"), (item.Kind, item.Title));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
        // The foreign client's message is not the manager's to see; an analyst's card shows no messages at all.
        Assert.Empty(await AsAsync(manager.Id, EmployeeRole.Manager, db => CampaignTimeline.ItemsAsync(db, foreign, [], 200, default)));
        Assert.Empty(await AsAsync(analyst.Id, EmployeeRole.Analyst, db => CampaignTimeline.ItemsAsync(db, mine, [], 200, default)));
    }
}
