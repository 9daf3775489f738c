using System.Globalization;
using Clientele.Analytics.Lifetime;
using Clientele.Features.Analytics;
using Clientele.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Lifetime;

/// <summary>The nightly refresh as a job: its hour comes from the lifetime settings.</summary>
public sealed class LifetimeRefreshJob : IDailyJob
{
    public const string JobName = "lifetime-refresh";
    public string Name => JobName;

    public async Task<int> HourUtcAsync(IServiceProvider services, CancellationToken ct) =>
        (await LifetimeSettingsStore.GetAsync(services.GetRequiredService<ClienteleDb>(), ct)).JobHourUtc;

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var text = services.GetRequiredService<IStringLocalizer<LifetimeText>>();
        var fit = await new LifetimeRefresh(services.GetRequiredService<ClienteleDb>(), services.GetRequiredService<AnalyticsService>(),
            services.GetRequiredService<TimeProvider>()).RunAsync(ct);
        if (fit is null) services.GetRequiredService<JobReport>().NothingToDo(text["No client has bought yet: nothing to fit the lifetime models on."]);
    }
}

/// <summary>
/// Fits the BG/NBD and Gamma-Gamma over the base and rewrites every buying client's lifetime row: P(alive), expected
/// purchases, CLV, the at-risk judgement (keeping the start of an episode) and, for newly at-risk clients of the chosen
/// classes, a task for their manager. A model that cannot be fitted is stored as a failed fit and fails the run; the
/// interval rule, which needs no model, still judges every client. A base where nobody has bought has nothing to fit:
/// no fit is stored, and the run is no failure.
/// </summary>
public sealed class LifetimeRefresh(ClienteleDb db, AnalyticsService analytics, TimeProvider clock)
{
    /// <returns>The stored fit; null when no client has bought, so there was nothing to fit.</returns>
    public async Task<LifetimeFit?> RunAsync(CancellationToken ct)
    {
        var settings = await LifetimeSettingsStore.GetAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = (await Company.CompanyDays.OfAsync(db, ct)).Today(now);
        var history = await PurchaseHistory.ReadAsync(db, today, settings.Period, ct);
        if (history.Count == 0)
        {
            // Rows left from clients whose purchases are all gone go, as in a run with buyers.
            await db.Set<ClientLifetime>().ExecuteDeleteAsync(ct);
            await Loyalty.LoyaltyRebuild.RunAsync(db, ct, null);
            return null;
        }
        var report = await analytics.ReportAsync(today, ct);
        var fit = new LifetimeFit { AsOf = today, FittedAt = now, Period = settings.Period, Clients = history.Count };

        var summaries = history.Select(h => h.Summary).ToArray();
        BgNbdParameters? model = null;
        GammaGammaParameters? spend = null;
        try
        {
            var bg = BgNbd.Fit(summaries);
            model = bg.Parameters;
            (fit.R, fit.Alpha, fit.A, fit.B, fit.LogLikelihood) = (model.R, model.Alpha, model.A, model.B, bg.LogLikelihood);
        }
        catch (ModelFitException e)
        {
            fit.Error = e.Message;
        }
        try
        {
            var gg = GammaGamma.Fit(summaries);
            spend = gg.Parameters;
            (fit.P, fit.Q, fit.Gamma, fit.SpendLogLikelihood, fit.FrequencyValueCorrelation, fit.SpendClients) =
                (spend.P, spend.Q, spend.Gamma, gg.LogLikelihood, gg.FrequencyValueCorrelation, gg.Clients);
        }
        catch (ModelFitException e)
        {
            fit.SpendError = e.Message;
        }

        var index = new Dictionary<long, int>(report.Base.Count);
        for (var i = 0; i < report.Base.Count; i++) index[report.Base.Clients[i].Id] = i;
        var baseMarginRate = BaseMarginRate(report.Base);
        var terms = new ClvTerms(settings.HorizonMonths, settings.AnnualDiscountRate, settings.PeriodDays);
        var taskClasses = settings.TaskClassSet;

        var existing = await db.Set<ClientLifetime>().ToDictionaryAsync(l => l.ClientId, ct);
        var clients = await db.Clients.AsNoTracking().Select(c => new { c.Id, c.ManagerId, c.Status }).ToDictionaryAsync(c => c.Id, ct);
        var newTasks = new List<(ClientLifetime Row, long? Manager)>();
        var seen = new HashSet<long>();
        foreach (var h in history)
        {
            if (!index.TryGetValue(h.ClientId, out var i)) continue;
            seen.Add(h.ClientId);
            var wasAtRisk = existing.TryGetValue(h.ClientId, out var row) && row.AtRisk;
            if (row is null)
            {
                row = new ClientLifetime { ClientId = h.ClientId };
                db.Add(row);
            }
            Fill(row, h, i, report, model, spend, baseMarginRate, terms, settings, today);
            // A client a manager has already marked lost belongs on the win-back list, not on the at-risk one.
            if (clients.TryGetValue(h.ClientId, out var client) && client.Status == Clients.ClientStatus.Lost)
                (row.Reason, row.AtRiskSince, row.Action) = (RiskReason.None, null, SuggestedAction.None);
            if (!row.AtRisk) row.EpisodeTaskId = null;
            else if (!wasAtRisk && row.EpisodeTaskId is null && taskClasses.Contains(row.AbcClass))
                newTasks.Add((row, client?.ManagerId));
        }
        // Clients who left the base or lost their purchases have no lifetime any more.
        foreach (var (clientId, stale) in existing)
            if (!seen.Contains(clientId)) db.Remove(stale);

        // The tasks are stored as kinds, read in each reader's language (AtRiskTask).
        foreach (var (row, manager) in newTasks)
            row.EpisodeTask = AtRiskTask.Create(row, manager, now);
        fit.AtRisk = db.ChangeTracker.Entries<ClientLifetime>().Count(e => e.State != EntityState.Deleted && e.Entity.AtRisk);
        db.Add(fit);
        await db.SaveChangesAsync(ct);
        // The ladder's Lost stage follows the model too; without a model the stored days stay as they were.
        await Loyalty.LoyaltyRebuild.RunAsync(db, ct, model is null ? null : ModelLostFrom(model, history, settings, today));

        // The models' messages name the model already.
        if (fit.Error is not null) throw new JobFailedException(fit.Error);
        if (fit.SpendError is not null) throw new JobFailedException(fit.SpendError);
        return fit;
    }

    private static void Fill(ClientLifetime row, ClientHistory h, int i, AnalyticsReport report, BgNbdParameters? model, GammaGammaParameters? spend,
        double baseMarginRate, ClvTerms terms, LifetimeSettings settings, DateOnly today)
    {
        var s = h.Summary;
        var figures = report.Base.Figures[i];
        row.AsOf = today;
        (row.Frequency, row.Recency, row.Age) = (s.Frequency, s.Recency, s.T);
        row.MeanRepeatValue = Money(s.MonetaryValue);
        row.MarginRate = figures.Revenue > 0 ? (double)(figures.ContributionBeforeAcquisition / figures.Revenue) : baseMarginRate;
        row.AliveProbability = model?.ProbabilityAlive(s.Frequency, s.Recency, s.T);
        row.ExpectedPurchases90Days = model?.ExpectedPurchases(90 / terms.PeriodDays, s.Frequency, s.Recency, s.T);
        var average = spend?.ExpectedAverageValue(s.Frequency, s.MonetaryValue);
        row.ExpectedAverageValue = average is { } a ? Money(a) : null;
        row.Clv = model is not null && average is { } value ? Money(LifetimeValue.Clv(model, s, value, row.MarginRate, terms)) : null;
        row.UsualIntervalDays = h.UsualIntervalDays;
        row.LastPurchase = h.LastPurchase;
        row.DaysSinceLastPurchase = today.DayNumber - h.LastPurchase.DayNumber;
        row.AbcClass = report.Abc[i].ToString();
        row.Reason = ChurnRules.Judge(row.AliveProbability, row.UsualIntervalDays, row.DaysSinceLastPurchase, settings.AliveThreshold, settings.IntervalFactor, settings.MinSilenceDays);
        row.AtRiskSince = ChurnRules.EpisodeStart(row.Reason, row.AtRiskSince, today);
        row.Action = ChurnRules.Suggest(row.AbcClass, row.Reason);
    }

    /// <summary>
    /// The day each repeat client's P(alive) falls (or fell) below the lost threshold if it buys nothing more: the age
    /// at which it happens (<see cref="BgNbdParameters.AgeWhenAliveProbabilityFallsTo"/>) counted from the first purchase,
    /// which lies T periods before today. Clients without repeat purchases never cross it in this model.
    /// </summary>
    internal static Dictionary<long, DateOnly> ModelLostFrom(BgNbdParameters model, IReadOnlyList<ClientHistory> history, LifetimeSettings settings, DateOnly today)
    {
        var days = new Dictionary<long, DateOnly>();
        foreach (var h in history)
        {
            var s = h.Summary;
            if (s.Frequency <= 0) continue;
            var age = model.AgeWhenAliveProbabilityFallsTo(settings.LostThreshold, s.Frequency, s.Recency);
            if (!double.IsFinite(age)) continue;
            var offset = Math.Clamp((age - s.T) * settings.PeriodDays, -100_000, 100_000);
            days[h.ClientId] = today.AddDays((int)Math.Ceiling(offset));
        }
        return days;
    }

    /// <summary>The base's contribution before acquisition per unit of revenue, for clients without revenue of their own.</summary>
    private static double BaseMarginRate(AnalyticsBase b)
    {
        decimal revenue = 0, contribution = 0;
        foreach (var f in b.Figures)
        {
            if (f.Revenue <= 0) continue;
            revenue += f.Revenue;
            contribution += f.ContributionBeforeAcquisition;
        }
        return revenue > 0 ? (double)(contribution / revenue) : 0;
    }

    private static decimal Money(double value) =>
        double.IsFinite(value) ? Math.Round((decimal)Math.Clamp(value, -1e15, 1e15), 2, MidpointRounding.AwayFromZero) : 0;

    /// <summary>Work done by the night has no reader's language; the company's phone region is the best hint of the office's.</summary>
    internal static CultureInfo CompanyCulture(string? region) => region?.ToUpperInvariant() switch
    {
        "RU" or "BY" or "KZ" => new CultureInfo("ru"),
        "DE" or "AT" or "CH" or "LI" => new CultureInfo("de"),
        _ => new CultureInfo("en"),
    };
}
