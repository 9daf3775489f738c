using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Surveys;

/// <summary>A "what is missing" answer or a product wish, to act on.</summary>
public sealed record SurveyRemark(long AnswerId, long ClientId, string ClientName, int Satisfaction, string Text, DateOnly AnsweredOn);

/// <param name="Nps">Promoters (9–10) minus detractors (0–6), in percent of the answers; null without answers.</param>
public sealed record SurveyResults(DateOnly From, DateOnly To, int Answers, decimal? AverageSatisfaction, int Promoters, int Passives, int Detractors,
    decimal? Nps, IReadOnlyList<SurveyRemark> Missing, IReadOnlyList<SurveyRemark> Wishes);

/// <summary>The results of the answers the reader sees (a manager: their clients') given on the company days of a period.</summary>
public static class SurveyResultsReport
{
    public const int PromoterFrom = 9;
    public const int DetractorTo = 6;
    /// <summary>The lists show the newest remarks; a period with more is narrowed by its dates.</summary>
    public const int MaxRemarks = 500;

    public static async Task<SurveyResults> BuildAsync(ClienteleDb db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var days = await CompanyDays.OfAsync(db, ct);
        var (start, end) = (days.StartOf(from), days.EndOf(to));
        var inPeriod = db.SurveyAnswers.AsNoTracking().Where(a => a.AnsweredAt >= start && a.AnsweredAt < end);
        var scores = await inPeriod.Select(a => a.Satisfaction).ToListAsync(ct);
        // Included, not projected: a client's name is read through its field masks.
        var remarks = await inPeriod.Where(a => a.Missing != null || a.ProductWish != null).Include(a => a.Client)
            .OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id).Take(MaxRemarks).ToListAsync(ct);
        var (promoters, detractors) = (scores.Count(s => s >= PromoterFrom), scores.Count(s => s <= DetractorTo));
        SurveyRemark Remark(SurveyAnswer a, string text) => new(a.Id, a.ClientId, a.Client?.Name ?? "", a.Satisfaction, text, days.DayOf(a.AnsweredAt));
        return new SurveyResults(from, to, scores.Count,
            scores.Count == 0 ? null : Math.Round((decimal)scores.Sum() / scores.Count, 2),
            promoters, scores.Count - promoters - detractors, detractors,
            Nps(promoters, detractors, scores.Count),
            [.. remarks.Where(a => a.Missing is not null).Select(a => Remark(a, a.Missing!))],
            [.. remarks.Where(a => a.ProductWish is not null).Select(a => Remark(a, a.ProductWish!))]);
    }

    public static decimal? Nps(int promoters, int detractors, int answers) =>
        answers == 0 ? null : Math.Round((promoters - detractors) * 100m / answers, 1);
}
