using Clientele.Analytics.Pipeline;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Pipeline;

/// <summary>One stage's line of the conversion report, named in the reader's language.</summary>
public sealed record StageReportRow(long StageId, string StageName, StageOutcome Outcome, int Entered, int MovedOn, int Lost, int StillThere,
    double? ConversionToNext, double? ConversionToWon, double? MedianDays, double? AverageDays);

/// <param name="From">First company day of the period.</param>
/// <param name="To">Last company day of the period (inclusive).</param>
public sealed record StageReportView(DateOnly From, DateOnly To, long? ManagerId, IReadOnlyList<StageReportRow> Stages);

/// <summary>Conversion and time per stage, read from the deals' stage history (<see cref="DealStageChange"/>).</summary>
public static class StageReport
{
    /// <summary>Days a report covers when the reader names no period.</summary>
    public const int DefaultDays = 90;

    /// <summary>
    /// The visits to each stage that began in the company days <paramref name="from"/>–<paramref name="to"/>, of the
    /// deals the reader sees (the row filter), optionally one manager's; each deal's whole history is read so a visit is
    /// followed to wherever the deal went after the period.
    /// </summary>
    public static async Task<StageReportView> LoadAsync(ClienteleDb db, DateOnly? from, DateOnly? to, long? managerId, CancellationToken ct)
    {
        var days = await CompanyDays.OfAsync(db, ct);
        var lastDay = to ?? days.Today(db.UtcNow);
        var firstDay = from ?? lastDay.AddDays(1 - DefaultDays);
        var (start, end) = (days.StartOf(firstDay), days.EndOf(lastDay));
        var stages = await PipelineStagesApi.OrderedAsync(db, ct);

        var changes = db.DealStageChanges.AsNoTracking();
        if (managerId is { } manager) changes = changes.Where(c => c.Deal!.ManagerId == manager);
        var inPeriod = changes.Where(c => c.At >= start && c.At < end).Select(c => c.DealId);
        var visits = await changes.Where(c => inPeriod.Contains(c.DealId)).OrderBy(c => c.DealId).ThenBy(c => c.Id)
            .Select(c => new { c.DealId, c.ToStageId, c.At }).ToListAsync(ct);

        var flow = StageFlow.Compute(
            [.. stages.Select(s => new FlowStage(s.Id, (FlowOutcome)(int)s.Outcome))],
            visits.GroupBy(v => v.DealId).Select(g => (IReadOnlyList<StageVisit>)[.. g.Select(v => new StageVisit(v.ToStageId, v.At))]),
            start, end);
        var byId = stages.ToDictionary(s => s.Id);
        return new StageReportView(firstDay, lastDay, managerId, [.. flow.Select(r =>
        {
            var stage = byId[r.StageId];
            return new StageReportRow(r.StageId, PipelineStage.Show(stage.Name), stage.Outcome, r.Entered, r.MovedOn, r.Lost, r.StillThere,
                Round(r.ConversionToNext, 4), Round(r.ConversionToWon, 4), Round(r.MedianDays, 2), Round(r.AverageDays, 2));
        })]);
    }

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}
