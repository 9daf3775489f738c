using Clientele.Analytics.Economics;
using Clientele.Features.Contacts;
using Clientele.Features.Interactions;
using Clientele.Features.Purchases;
using Clientele.Features.ServiceCosts;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Clients;

public enum TimelineKind { Purchase, Interaction, Task, Message }

/// <summary>One line of the client's single timeline of purchases, interactions and tasks.</summary>
/// <param name="Version">The row's version when read: an edit or delete from the card is refused against a newer one.</param>
public sealed record TimelineItem(DateTime At, TimelineKind Kind, string Title, string? Detail, string? Who, bool Overdue, long Id, long Version);

public sealed record CurrencyTotal(string Currency, int Count, decimal Total, decimal Margin);

/// <summary>Everything the client card shows, read in a handful of indexed queries.</summary>
public sealed class ClientCardData
{
    public const int TimelineDepth = 200;

    public required Client Client { get; init; }
    public required List<ContactPerson> Contacts { get; init; }
    public required List<Purchase> Purchases { get; init; }
    public required List<CurrencyTotal> Totals { get; init; }
    public required List<TimelineItem> Timeline { get; init; }
    public required List<ServiceCost> ServiceCosts { get; init; }
    /// <summary>The competitor the client came from, by name; null when none is recorded.</summary>
    public string? PreviousSupplier { get; init; }

    public static async Task<ClientCardData?> LoadAsync(ClienteleDb db, ClientQueries queries, long id, Func<InteractionKind, string> kindName, CancellationToken ct)
    {
        var client = await queries.CardAsync(id, ct);
        if (client is null) return null;
        var contacts = await db.ContactPersons.AsNoTracking().Where(p => p.ClientId == id).OrderBy(p => p.Name).ToListAsync(ct);
        var purchases = await db.Purchases.AsNoTracking().Include(p => p.Lines).ThenInclude(l => l.Product).Include(p => p.Manager)
            .Where(p => p.ClientId == id).OrderByDescending(p => p.Date).Take(TimelineDepth).AsSplitQuery().ToListAsync(ct);
        var totals = await db.Purchases.AsNoTracking().Where(p => p.ClientId == id)
            .Select(p => new { p.Currency, p.Total, p.CostOfGoods }).ToListAsync(ct);
        var interactions = await db.Interactions.AsNoTracking().Include(i => i.Employee)
            .Where(i => i.ClientId == id).OrderByDescending(i => i.OccurredAt).Take(TimelineDepth).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Include(t => t.Assignee)
            .Where(t => t.ClientId == id).OrderByDescending(t => t.DueAt).Take(TimelineDepth).ToListAsync(ct);
        var serviceCosts = await db.ServiceCosts.AsNoTracking().Where(c => c.ClientId == id)
            .OrderByDescending(c => c.Date).ThenByDescending(c => c.Id).Take(TimelineDepth).ToListAsync(ct);
        var supplier = client.PreviousSupplierId is { } supplierId
            ? await db.Set<LostClients.Competitor>().AsNoTracking().Where(x => x.Id == supplierId).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var messages = await Campaigns.CampaignTimeline.ItemsAsync(db, id, contacts, TimelineDepth, ct);
        var now = db.UtcNow;

        var timeline = purchases.Select(p => new TimelineItem(p.Date, TimelineKind.Purchase, $"{p.Number ?? "#" + p.Id}: {p.Total:N2} {p.Currency}",
                string.Join(", ", p.Lines.Select(l => $"{l.Product?.Name ?? l.Description} × {l.Quantity:0.###}")), p.Manager?.DisplayName, false, p.Id, p.Version))
            .Concat(interactions.Select(i => new TimelineItem(i.OccurredAt, TimelineKind.Interaction,
                kindName(i.Kind) + (i.Outcome is { } o ? $": {Tasks.TaskTexts.Show(o)}" : ""), i.Text, i.Employee?.DisplayName, false, i.Id, i.Version)))
            .Concat(tasks.Select(t => new TimelineItem(t.DueAt, TimelineKind.Task, Tasks.TaskTexts.Show(t.Title), Tasks.TaskTexts.ShowOptional(t.Details), t.Assignee?.DisplayName, !t.Done && t.DueAt < now, t.Id, t.Version)))
            .Concat(messages)
            .OrderByDescending(x => x.At)
            .ToList();
        return new ClientCardData
        {
            Client = client, Contacts = contacts, Purchases = purchases, Timeline = timeline, ServiceCosts = serviceCosts, PreviousSupplier = supplier,
            Totals = [.. totals.GroupBy(t => t.Currency).OrderBy(g => g.Key)
                .Select(g => new CurrencyTotal(g.Key, g.Count(), g.Sum(x => x.Total), g.Sum(x => Margins.OnPricePaid(x.Total, x.CostOfGoods))))],
        };
    }
}
