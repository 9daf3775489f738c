using System.Globalization;
using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Privacy;

/// <summary>
/// The retention rule as a nightly job: prospects (status Potential, never bought) with no activity for the owner's
/// period are anonymised as an erasure would, with the reason "retention". Purpose limitation (GDPR Art. 5(1)(e),
/// 152-FZ Art. 5 part 7): data kept "in case" has no purpose after years of silence.
/// </summary>
public sealed class RetentionJob : IDailyJob
{
    public const string JobName = "privacy-retention";
    public const string Reason = "retention";
    public string Name => JobName;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ClienteleDb>();
        var settings = await PrivacySettings.ReadAsync(db, ct);
        var text = services.GetRequiredService<IStringLocalizer<PrivacyText>>();
        var report = services.GetRequiredService<JobReport>();
        if (settings.RetentionMonths is not { } months)
        {
            report.NothingToDo(text["The retention period is off: nothing to anonymise."]);
            return;
        }
        var stale = await StaleProspectsAsync(db, db.UtcNow.AddMonths(-months), ct);
        if (stale.Count == 0)
        {
            report.NothingToDo(text["No prospect is past the retention period: nothing to anonymise."]);
            return;
        }
        var audit = ActivatorUtilities.GetServiceOrCreateInstance<AuditLog>(services);
        var wording = await WordingAsync(db, text, ct);
        var input = new EraseInput(Reason, null);
        foreach (var clientId in stale)
        {
            // One transaction per client: a failure leaves the others done and this one untouched.
            var result = await Erasure.EraseAsync(db, audit, clientId, input, ErasureTrigger.Retention, null, wording, ct);
            if (result.Kind is not (PrivacyOutcome.Ok or PrivacyOutcome.Conflict or PrivacyOutcome.NotFound))
                throw new JobFailedException($"Client {clientId} could not be anonymised: {result.Errors}");
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Prospects never bought from, created and last changed before <paramref name="cutoff"/>, with no interaction since.</summary>
    public static Task<List<long>> StaleProspectsAsync(ClienteleDb db, DateTime cutoff, CancellationToken ct) =>
        db.Clients.AsNoTracking()
            .Where(c => c.Status == ClientStatus.Potential && c.PurchaseCount == 0 && c.CreatedAt < cutoff && c.UpdatedAt < cutoff
                && !db.Purchases.Any(p => p.ClientId == c.Id)
                && !db.Interactions.Any(i => i.ClientId == c.Id && (i.OccurredAt >= cutoff || i.UpdatedAt >= cutoff))
                && !db.ContactPersons.Any(p => p.ClientId == c.Id && p.UpdatedAt >= cutoff)
                && !db.Set<ErasureRecord>().Any(r => r.ClientId == c.Id))
            .OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);

    /// <summary>A job has no reader; the company's phone region is the best hint of the office's language.</summary>
    private static async Task<ErasureWording> WordingAsync(ClienteleDb db, IStringLocalizer<PrivacyText> text, CancellationToken ct)
    {
        var region = (await new CompanySettingsReader(db).GetAsync(ct)).DefaultPhoneRegion;
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Lifetime.LifetimeRefresh.CompanyCulture(region);
        try
        {
            return ErasureWording.From(text);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
