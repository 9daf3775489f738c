using Clientele.Analytics.Structure;
using Clientele.Features.Access;
using Clientele.Features.Analytics;
using Clientele.Features.Clients;
using Clientele.Features.Handover;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Partners;

/// <summary>
/// One intermediary's row. <see cref="Id"/> and <see cref="Role"/> are null on the one row that sums the reader's clients
/// served through intermediaries the reader does not see; <see cref="OwnRevenue"/> is null when the intermediary's own
/// purchases are not the reader's to see.
/// </summary>
public sealed record PartnerRow(
    long? Id, string Name, ClientRole? Role, int Clients, int Active, int Lost, int Buying, decimal Revenue, decimal Contribution,
    double? RevenueShare, double? ContributionShare, decimal? OwnRevenue, decimal? OwnContribution);

/// <summary>
/// The partner report of the company months <see cref="From"/>..<see cref="To"/> (yyyy-MM), most revenue first: the
/// intermediaries that serve at least one of the reader's clients; <see cref="IdleIntermediaries"/> counts the others.
/// </summary>
public sealed record PartnersResponse(
    string From, string To, string Currency, decimal BaseRevenue, decimal BaseContribution, int DirectClients, List<PartnerRow> Rows, int IdleIntermediaries);

/// <summary>
/// "What each partner brings" (issue 21, ADR 044): per intermediary the clients served through it, their revenue and
/// contribution (after acquisition cost, as the analytics' months count it) in the period, and the intermediary's own
/// purchases apart. Everything is read in the reader's scope — the analytics report and the links are the reader's — so a
/// manager counts only their own clients, and an intermediary they do not see is not named: their clients served through
/// such ones are summed on one row without a name or id.
/// </summary>
public sealed class PartnerReport(ClienteleDb db, AnalyticsService analytics)
{
    public static (int From, int To)? Period(string? from, string? to, DateOnly today, out Message? problem) =>
        ManagerScorecardReport.Period(from, to, today, out problem);

    public async Task<PartnersResponse> ComputeAsync(int from, int to, CancellationToken ct)
    {
        var report = await analytics.ReportAsync(null, ct);
        var b = report.Base;
        var indexOf = new Dictionary<long, int>(b.Count);
        for (var i = 0; i < b.Count; i++) indexOf[b.Clients[i].Id] = i;

        var links = await db.Clients.AsNoTracking().Where(c => c.ServedThroughId != null).Select(c => new { c.Id, Through = c.ServedThroughId!.Value }).ToListAsync(ct);
        var named = links.Select(l => l.Through).Distinct().ToList();
        // The intermediaries the reader sees: every one of the base (a dealer serving nobody yet shows with its own figures),
        // and those their clients are served through.
        var partners = await db.Clients.AsNoTracking().Where(c => c.Role != ClientRole.EndCustomer || named.Contains(c.Id))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.Role }).ToListAsync(ct);
        var partnerIndex = new Dictionary<long, int>(partners.Count);
        foreach (var p in partners) partnerIndex[p.Id] = partnerIndex.Count;
        var unseen = partners.Count;
        var anyUnseen = false;

        var servedThrough = new int[b.Count];
        Array.Fill(servedThrough, -1);
        foreach (var link in links)
        {
            if (!indexOf.TryGetValue(link.Id, out var client)) continue;
            if (partnerIndex.TryGetValue(link.Through, out var partner)) servedThrough[client] = partner;
            else (servedThrough[client], anyUnseen) = (unseen, true);
        }
        var state = b.Clients.Select(c => c.Status switch
        {
            ClientStatus.Active => PartnerClientState.Active,
            ClientStatus.Lost => PartnerClientState.Lost,
            _ => PartnerClientState.Potential,
        }).ToArray();
        int[] self = [.. partners.Select(p => indexOf.GetValueOrDefault(p.Id, -1)), .. anyUnseen ? new[] { -1 } : []];
        var sums = PartnerShares.Compute(self.Length, servedThrough, state, self, b.Months, from, to);

        var unseenName = Message.Of<PartnersText>("Intermediaries you do not manage").Render();
        // A base has many dealers that serve nobody (yet): they are counted, not listed, so the table is about what partners bring.
        List<PartnerRow> rows = [.. sums.Partners.Where(s => s.Clients > 0).Select(s =>
        {
            var known = s.Partner < partners.Count ? partners[s.Partner] : null;
            return new PartnerRow(known?.Id, known is null ? unseenName : FieldMasks.MaskName(db.Access, known.Id, known.Name), known?.Role,
                s.Clients, s.Active, s.Lost, s.Buying, s.Revenue, s.Contribution, s.RevenueShare, s.ContributionShare, s.OwnRevenue, s.OwnContribution);
        })];
        return new PartnersResponse(ManagerScorecardReport.Label(from), ManagerScorecardReport.Label(to), b.Settings.BaseCurrency,
            sums.BaseRevenue, sums.BaseContribution, sums.DirectClients, rows, sums.Partners.Count(s => s.Clients == 0));
    }

    /// <summary>The intermediaries a report names: what the API audits as read.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(PartnersResponse report) => [.. report.Rows.Select(r => r.Id).OfType<long>()];
}
