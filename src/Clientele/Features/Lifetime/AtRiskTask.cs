using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Lifetime;

/// <summary>The follow-up task for an at-risk client, the same whether the night or a click makes it.</summary>
public static class AtRiskTask
{
    /// <summary>Days the manager gets to act: soon, but not today's already planned work.</summary>
    public const int DueInDays = 2;

    /// <summary>
    /// The title and details are stored as kinds with values (issue 20): the night's run has no reader, and a German
    /// manager must not read the tasks a Russian run wrote in Russian. Numbers are stored as the reader will see them
    /// (a whole percent, whole days, a whole amount), since a stored value is text.
    /// </summary>
    public static FollowUpTask Create(ClientLifetime row, long? assignee, DateTime nowUtc)
    {
        var details = new List<Message> { Message.Of<LifetimeText>("{0}.", LifetimeLabels.ReasonLabel(row.Reason)) };
        if (row.AliveProbability is { } alive) details.Add(Message.Of<LifetimeText>("P(alive) {0} %.", (int)Math.Round(alive * 100)));
        if (row.UsualIntervalDays is { } interval)
            details.Add(Message.Of<LifetimeText>("{0} days since the last purchase; usually every {1} days.", row.DaysSinceLastPurchase, (int)Math.Round(interval)));
        if (row.Clv is { } clv) details.Add(Message.Of<LifetimeText>("CLV {0}.", (long)Math.Round(clv)));
        return new FollowUpTask
        {
            ClientId = row.ClientId,
            Title = Message.Of<LifetimeText>("Client at risk: {0}", LifetimeLabels.ActionLabel(row.Action)).Encode(),
            Details = Message.EncodeAll(details),
            DueAt = nowUtc.AddDays(DueInDays),
            AssigneeId = assignee,
        };
    }
}

public enum TaskClickOutcome { Created, UnknownClient, NotAtRisk, AlreadyOpen }

/// <summary>The one-click task of the worklist, shared by the API and the page.</summary>
public static class AtRiskTaskClick
{
    public static async Task<(TaskClickOutcome Outcome, FollowUpTask? Task)> CreateAsync(ClienteleDb db, long clientId, CancellationToken ct)
    {
        var row = await db.Set<ClientLifetime>().Include(l => l.EpisodeTask).SingleOrDefaultAsync(l => l.ClientId == clientId, ct);
        var client = await db.Clients.Where(c => c.Id == clientId).Select(c => new { c.ManagerId }).SingleOrDefaultAsync(ct);
        if (client is null) return (TaskClickOutcome.UnknownClient, null);
        if (row is not { AtRisk: true }) return (TaskClickOutcome.NotAtRisk, null);
        if (row.EpisodeTask is { Done: false } open) return (TaskClickOutcome.AlreadyOpen, open);
        var task = AtRiskTask.Create(row, client.ManagerId, db.UtcNow);
        row.EpisodeTask = task;
        await db.SaveChangesAsync(ct);
        return (TaskClickOutcome.Created, task);
    }
}
