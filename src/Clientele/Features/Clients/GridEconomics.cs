using Clientele.Analytics.Loyalty;
using Clientele.Analytics.Structure;
using Clientele.Features.Analytics;
using Clientele.Features.Loyalty;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Clients;

/// <summary>The columns of the clients grid that come from the economics rather than from the client's own fields.</summary>
public enum EconomicsColumn { Revenue, Contribution, Abc, Stage }

/// <summary>
/// The economics columns of the clients grid, read from the same analytics report as <c>/analytics/clients</c> (the
/// reader's view of the base, cached for a minute), so a figure means the same in both places: revenue paid to date
/// after discounts, net contribution after every cost including acquisition, the ABC class by net contribution among
/// the clients the reader sees. The ladder stage is the client's stored stage.
/// </summary>
public sealed class GridEconomics
{
    private readonly AnalyticsReport report;
    private readonly Dictionary<long, int> index;

    private GridEconomics(AnalyticsReport report)
    {
        this.report = report;
        index = new Dictionary<long, int>(report.Base.Count);
        for (var i = 0; i < report.Base.Count; i++) index[report.Base.Clients[i].Id] = i;
    }

    public static async Task<GridEconomics> ForAsync(ClienteleDb db, AnalyticsCache cache, TimeProvider clock, CancellationToken ct) =>
        new(await new AnalyticsService(db, cache, clock).ReportAsync(null, ct));

    public string Currency => report.Base.Settings.BaseCurrency;

    /// <summary>The share of net contribution class A makes up, for the column's explanation.</summary>
    public double AbcAShare => report.Base.Settings.AbcA;

    // A client the report does not know yet (added within the cache's minute) has no figures rather than zeros.
    public decimal? Revenue(long clientId) => index.TryGetValue(clientId, out var i) ? report.Base.Figures[i].Revenue : null;

    public decimal? Contribution(long clientId) => index.TryGetValue(clientId, out var i) ? report.Base.Figures[i].NetContribution : null;

    public AbcClass? Abc(long clientId) => index.TryGetValue(clientId, out var i) ? report.Abc[i] : null;

    /// <summary>The in-memory sort key of a column the clients table does not hold; null for the columns SQL orders.</summary>
    public ClientKey? KeyFor(ClientSort sort) => sort switch
    {
        ClientSort.Revenue => Revenue,
        ClientSort.Contribution => Contribution,
        ClientSort.Abc => id => Abc(id) is { } abc ? (int)abc : null,
        _ => null,
    };

    /// <summary>The ladder stages of one page of clients.</summary>
    public static Task<Dictionary<long, LoyaltyStage>> StagesAsync(ClienteleDb db, IReadOnlyCollection<long> clientIds, CancellationToken ct) =>
        db.Set<ClientLoyalty>().AsNoTracking().Where(l => clientIds.Contains(l.ClientId)).ToDictionaryAsync(l => l.ClientId, l => l.Stage, ct);
}
