using Clientele.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Privacy;

/// <summary>Records and corrects breaches (never deletes them), with an audit entry for each write.</summary>
public sealed class BreachRegister(ClienteleDb db, AuditLog audit)
{
    public async Task<List<BreachResponse>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<DataBreach>().AsNoTracking().OrderByDescending(b => b.DiscoveredAt).ThenByDescending(b => b.Id).Take(1000).ToListAsync(ct);
        var now = db.UtcNow;
        return [.. rows.Select(b => BreachResponse.Of(b, now))];
    }

    public async Task<BreachResponse?> GetAsync(long id, CancellationToken ct) =>
        await db.Set<DataBreach>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct) is { } b ? BreachResponse.Of(b, db.UtcNow) : null;

    public async Task<PrivacyResult<BreachResponse>> RecordAsync(BreachInput input, long? by, CancellationToken ct)
    {
        var errors = BreachRules.Check(input, db.UtcNow);
        if (errors.Any) return PrivacyResult<BreachResponse>.Invalid(errors);
        var breach = new DataBreach { Title = "", RecordedById = by };
        BreachRules.Apply(breach, input);
        db.Add(breach);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.BreachRecorded, by, nameof(DataBreach), breach.Id, Detail: breach.Title, RowCount: breach.PeopleAffected), ct);
        return PrivacyResult<BreachResponse>.Ok(BreachResponse.Of(breach, db.UtcNow));
    }

    /// <param name="expectedVersion">From If-Match; null accepts any version.</param>
    public async Task<PrivacyResult<BreachResponse>> CorrectAsync(long id, BreachInput input, long? expectedVersion, long? by, CancellationToken ct)
    {
        var breach = await db.Set<DataBreach>().SingleOrDefaultAsync(b => b.Id == id, ct);
        if (breach is null) return PrivacyResult<BreachResponse>.NotFound($"Breach {id} does not exist.");
        if (expectedVersion is { } v && v != breach.Version)
            return PrivacyResult<BreachResponse>.Stale($"Breach {id} was changed by someone else; the current version is {breach.Version}.");
        var errors = BreachRules.Check(input, db.UtcNow);
        if (errors.Any) return PrivacyResult<BreachResponse>.Invalid(errors);
        var before = Describe(breach);
        BreachRules.Apply(breach, input);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return PrivacyResult<BreachResponse>.Stale($"Breach {id} was changed by someone else at the same time; reload it.");
        }
        await audit.RecordAsync(new AuditEvent(AuditAction.Updated, by, nameof(DataBreach), breach.Id, Detail: $"was: {before}", RowCount: breach.PeopleAffected), ct);
        return PrivacyResult<BreachResponse>.Ok(BreachResponse.Of(breach, db.UtcNow));
    }

    /// <summary>The previous values, so the audit trail shows what a correction changed.</summary>
    private static string Describe(DataBreach b)
    {
        var text = System.Text.Json.JsonSerializer.Serialize(new
        {
            b.Title, b.DiscoveredAt, b.OccurredFrom, b.OccurredTo, b.DataCategories, b.PeopleAffected,
            b.RoskomnadzorNotifiedAt, b.RoskomnadzorResultsAt, b.SupervisoryAuthorityNotifiedAt, b.PeopleNotifiedAt,
        });
        return text.Length > 1000 ? text[..1000] : text;
    }
}
