using System.Globalization;
using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Features.Company;

namespace Clientele.Features.Campaigns;

/// <summary>
/// What the campaign pages share: the campaign service over a context of the signed-in user's (each action its own
/// short context, as Blazor pages here do), and times shown on the company's clock.
/// </summary>
public sealed class CampaignPages(AnalyticsCache cache, TimeProvider clock)
{
    private CompanyDays days = CompanyDays.Utc;

    public CampaignService Service(ClienteleDb db) => new(db, new CampaignPlanner(db, new AnalyticsService(db, cache, clock)), new AuditLog(db));

    public async Task LoadDaysAsync(ClienteleDb db) => days = await CompanyDays.OfAsync(db);

    public string Time(DateTime? utc) => utc is { } t ? days.LocalOf(t).ToString("g", CultureInfo.CurrentCulture) : "—";
}
