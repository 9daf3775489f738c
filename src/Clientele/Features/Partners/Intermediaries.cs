using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Partners;

/// <summary>
/// The rules of "served through": a client may be served through one intermediary of the base — a client whose role is
/// not end customer, not the client itself, and not one that is (through its own intermediaries) served through this
/// client. The chain is walked on bare ids past the row filter: a cycle closed through a colleague's dealer is a cycle too.
/// </summary>
public static class Intermediaries
{
    /// <summary>Longer chains than this are not walked (a dealer of a dealer of … ten deep is not a real base).</summary>
    public const int MaxChain = 10;

    public static bool IsIntermediary(ClientRole role) => role != ClientRole.EndCustomer;

    public static async Task CheckAsync(ClienteleDb db, Errors e, ClientInput input, Client? before, CancellationToken ct)
    {
        // A client that serves others stays an intermediary: its clients would otherwise point at an end customer.
        if (before is { } self && IsIntermediary(before.Role) && !IsIntermediary(input.Role)
            && await db.Clients.IgnoreQueryFilters().CountAsync(c => c.ServedThroughId == self.Id, ct) is var served and > 0)
            e.Add("role", Message.Of<PartnersText>("serves {0} clients: it stays an intermediary until they are served otherwise.", served));

        if (input.ServedThroughId is not { } target) return;
        if (target == before?.Id)
        {
            e.Add("servedThroughId", Message.Of<PartnersText>("a client cannot be served through itself."));
            return;
        }
        var kept = before?.ServedThroughId == target;
        var found = await (kept ? db.Clients.IgnoreQueryFilters() : db.Clients).AsNoTracking().Where(c => c.Id == target)
            .Select(c => new { c.Role }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            e.Add("servedThroughId", Message.Of("there is no client {0}.", target));
            return;
        }
        if (!IsIntermediary(found.Role))
        {
            e.Add("servedThroughId", Message.Of<PartnersText>("client {0} is an end customer; only a dealer, distributor, agent or partner can serve other clients.", target));
            return;
        }
        if (before is null) return;
        var chain = await ChainAsync(db, target, ct);
        if (chain.Contains(before.Id))
            e.Add("servedThroughId", Message.Of<PartnersText>("client {0} is itself served through this client; the chain would go round in a circle.", target));
    }

    /// <summary>The intermediary and the ones above it, nearest first, as bare ids (at most <see cref="MaxChain"/>).</summary>
    public static async Task<List<long>> ChainAsync(ClienteleDb db, long intermediary, CancellationToken ct)
    {
        List<long> chain = [intermediary];
        var next = intermediary;
        while (chain.Count < MaxChain)
        {
            var above = await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == next).Select(c => c.ServedThroughId).FirstOrDefaultAsync(ct);
            if (above is not { } up || chain.Contains(up)) break;
            chain.Add(up);
            next = up;
        }
        return chain;
    }

    /// <summary>
    /// A deal's intermediary: left out on a new deal, the client's own (read past the row filter, as the client's link is
    /// kept); named, an intermediary the reader sees, never the deal's client itself. Kept as it was, it is not asked again.
    /// </summary>
    public static async Task CheckDealAsync(ClienteleDb db, Errors e, long clientId, Pipeline.Deal? before, Pipeline.DealInput input, CancellationToken ct)
    {
        if (before is null && input.IntermediaryId is null)
        {
            input.IntermediaryId = await db.Clients.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == clientId).Select(c => c.ServedThroughId).FirstOrDefaultAsync(ct);
            return;
        }
        if (input.IntermediaryId is not { } target || before?.IntermediaryId == target) return;
        if (target == clientId)
        {
            e.Add("intermediaryId", Message.Of<PartnersText>("a client cannot be served through itself."));
            return;
        }
        var role = await db.Clients.AsNoTracking().Where(c => c.Id == target).Select(c => (ClientRole?)c.Role).FirstOrDefaultAsync(ct);
        if (role is null) e.Add("intermediaryId", Message.Of("there is no client {0}.", target));
        else if (!IsIntermediary(role.Value))
            e.Add("intermediaryId", Message.Of<PartnersText>("client {0} is an end customer; only a dealer, distributor, agent or partner can serve other clients.", target));
    }

    /// <summary>Most intermediaries offered in the form's list (filtered as the user types); a base with more names them through the API.</summary>
    public const int MaxOptions = 1000;

    /// <summary>
    /// The intermediaries the reader sees, for a form's choice: never the client itself; the current one kept even when the
    /// reader does not see it (as "an intermediary you do not manage", so that saving the form keeps the link).
    /// </summary>
    public static async Task<List<Option<long>>> OptionsAsync(ClienteleDb db, long? self, long? current,
        Microsoft.Extensions.Localization.IStringLocalizer<PartnersText> p, Microsoft.Extensions.Localization.IStringLocalizer l, CancellationToken ct)
    {
        var found = await db.Clients.AsNoTracking().Where(c => c.Role != ClientRole.EndCustomer && c.Id != self)
            .OrderBy(c => c.NameKey).ThenBy(c => c.Id).Take(MaxOptions).Select(c => new { c.Id, c.Name, c.Role }).ToListAsync(ct);
        List<Option<long>> options = [.. found.Select(c => new Option<long>(c.Id, $"{Access.FieldMasks.MaskName(db.Access, c.Id, c.Name)} ({l[$"ClientRole.{c.Role}"]})"))];
        if (current is { } kept && !found.Any(c => c.Id == kept))
            options.Insert(0, await db.Clients.AsNoTracking().Where(c => c.Id == kept).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct) is { } visible
                ? new Option<long>(visible.Id, Access.FieldMasks.MaskName(db.Access, visible.Id, visible.Name))
                : new Option<long>(kept, p["an intermediary you do not manage"]));
        return options;
    }
}
