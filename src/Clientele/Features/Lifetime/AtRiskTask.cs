using System.Globalization;
using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Lifetime;

/// <summary>The follow-up task for an at-risk client, the same whether the night or a click makes it.</summary>
public static class AtRiskTask
{
    /// <summary>Days the manager gets to act: soon, but not today's already planned work.</summary>
    public const int DueInDays = 2;

    public static FollowUpTask Create(ClientLifetime row, long? assignee, DateTime nowUtc, IStringLocalizer<LifetimeText> text)
    {
        var details = new List<string> { LifetimeLabels.Reason(row.Reason, text) };
        if (row.AliveProbability is { } alive) details.Add(text["P(alive) {0}", alive.ToString("P0", CultureInfo.CurrentUICulture)]);
        if (row.UsualIntervalDays is { } interval)
            details.Add(text["{0} days since the last purchase; usually every {1} days", row.DaysSinceLastPurchase, Math.Round(interval).ToString(CultureInfo.CurrentUICulture)]);
        if (row.Clv is { } clv) details.Add(text["CLV {0}", clv.ToString("N0", CultureInfo.CurrentUICulture)]);
        return new FollowUpTask
        {
            ClientId = row.ClientId,
            Title = Truncate(text["Client at risk: {0}", LifetimeLabels.Action(row.Action, text)], 200),
            Details = Truncate(string.Join(". ", details) + ".", 2000),
            DueAt = nowUtc.AddDays(DueInDays),
            AssigneeId = assignee,
        };
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

public enum TaskClickOutcome { Created, UnknownClient, NotAtRisk, AlreadyOpen }

/// <summary>The one-click task of the worklist, shared by the API and the page.</summary>
public static class AtRiskTaskClick
{
    public static async Task<(TaskClickOutcome Outcome, FollowUpTask? Task)> CreateAsync(ClienteleDb db, long clientId, IStringLocalizer<LifetimeText> text, CancellationToken ct)
    {
        var row = await db.Set<ClientLifetime>().Include(l => l.EpisodeTask).SingleOrDefaultAsync(l => l.ClientId == clientId, ct);
        var client = await db.Clients.Where(c => c.Id == clientId).Select(c => new { c.ManagerId }).SingleOrDefaultAsync(ct);
        if (client is null) return (TaskClickOutcome.UnknownClient, null);
        if (row is not { AtRisk: true }) return (TaskClickOutcome.NotAtRisk, null);
        if (row.EpisodeTask is { Done: false } open) return (TaskClickOutcome.AlreadyOpen, open);
        var task = AtRiskTask.Create(row, client.ManagerId, db.UtcNow, text);
        row.EpisodeTask = task;
        await db.SaveChangesAsync(ct);
        return (TaskClickOutcome.Created, task);
    }
}
