using System.Globalization;
using Clientele.Features.Analytics;
using Clientele.Features.Clients;
using Clientele.Features.Interactions;
using Clientele.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Campaigns;

public sealed record CallResultInput(CallResult? Result, [property: Infrastructure.Security.MultiLineText] string? Note);

/// <summary>A line of a call list: who to call, for which client, whose task it is, and what came of it.</summary>
/// <remarks>No number: a marketer reads the list too and sees numbers masked; the manager calls from the card.</remarks>
public sealed record CallListRow(long OutboxId, long ClientId, string ClientName, long ContactPersonId, string ContactName,
    string? ManagerName, DateTime DueAt, CallResult? Result, long? TaskId);

/// <summary>
/// The call channel (ADR 038): a launch makes one task per recipient for the client's manager, with the talking points
/// (the template's plain-text part rendered for that contact person) — the outbox row is the call's record, counted by
/// the contact policy like a message. The manager's result (reached, no answer, call back, not interested, a note) is
/// logged as an outbound call through the refresh path, closes the task and is counted in the report.
/// </summary>
public static class CallList
{
    public const int NoteMax = 2000;

    /// <summary>Within the launch's transaction: a task per planned call, linked from its outbox row.</summary>
    public static async Task MakeTasksAsync(ClienteleDb db, Campaign campaign, IReadOnlyList<OutboxMessage> rows, CancellationToken ct)
    {
        var calls = rows.Where(r => r.Status == OutboxStatus.Queued).ToList();
        var clientIds = calls.Select(c => c.ClientId).Distinct().ToList();
        var managers = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.ManagerId, ct);
        var personIds = calls.Select(c => c.ContactPersonId).ToList();
        var names = await db.ContactPersons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var tasks = new List<(OutboxMessage Row, FollowUpTask Task)>();
        foreach (var row in calls)
        {
            var template = campaign.Templates.FirstOrDefault(t => t.Language == row.Language) ?? campaign.Templates[0];
            var culture = CultureInfo.GetCultureInfo(template.Language);
            var model = await CampaignSender.ModelAsync(db, row.ClientId, row.ContactPersonId, "", culture, ct, CampaignTemplates.UsesNextProduct(template.Text));
            var points = await SmsComposer.RenderAsync(template.Text, model, culture);
            var task = new FollowUpTask
            {
                ClientId = row.ClientId, AssigneeId = managers.GetValueOrDefault(row.ClientId), DueAt = row.NotBefore,
                Title = Message.Of<ChannelText>("Call {0} ({1})", names.GetValueOrDefault(row.ContactPersonId) ?? "", Clip(campaign.Name, 80)).Encode(),
                Details = Clip(points, 2000),
            };
            tasks.Add((row, task));
        }
        db.AddRange(tasks.Select(t => t.Task));
        await db.SaveChangesAsync(ct);
        foreach (var (row, task) in tasks)
            // Handed to the manager: the call is "sent" as far as the outbox goes; its result comes later.
            (row.TaskId, row.Status, row.SentAt) = (task.Id, OutboxStatus.Sent, db.UtcNow);
        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>The calls of a campaign the reader may see (a manager: their clients'), in due order.</summary>
    public static async Task<List<CallListRow>> RowsAsync(ClienteleDb db, long campaignId, CancellationToken ct) =>
        await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.CampaignId == campaignId && m.Channel == CampaignChannel.Call && m.TaskId != null)
            .OrderBy(m => m.NotBefore).ThenBy(m => m.Id).Take(1000)
            .Select(m => new CallListRow(m.Id, m.ClientId, db.Clients.Where(c => c.Id == m.ClientId).Select(c => c.Name).FirstOrDefault() ?? "",
                m.ContactPersonId, db.ContactPersons.Where(p => p.Id == m.ContactPersonId).Select(p => p.Name).FirstOrDefault() ?? "",
                db.Clients.Where(c => c.Id == m.ClientId).Select(c => c.Manager!.DisplayName).FirstOrDefault(), m.NotBefore, m.CallResult, m.TaskId))
            .ToListAsync(ct);

    /// <summary>The calls' results counted, for the report (in the reader's scope).</summary>
    public static async Task<Dictionary<CallResult, int>> CountsAsync(ClienteleDb db, long campaignId, CancellationToken ct) =>
        (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.CampaignId == campaignId && m.CallResult != null)
            .GroupBy(m => m.CallResult).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
        .ToDictionary(g => g.Key!.Value, g => g.Count);

    public static Message Word(CallResult result) => result switch
    {
        CallResult.Reached => Message.Of<ChannelText>("reached"),
        CallResult.NoAnswer => Message.Of<ChannelText>("no answer"),
        CallResult.CallBack => Message.Of<ChannelText>("call back"),
        _ => Message.Of<ChannelText>("not interested"),
    };

    public enum Recorded { Done, NotFound, AlreadyRecorded }

    /// <summary>
    /// Records a call's result: an outbound call interaction (through the refresh path, so the figures and the
    /// loyalty ladder see it), the task done with the note, the outbox row's result — one transaction. A refused
    /// input changes nothing.
    /// </summary>
    public static async Task<(Recorded Outcome, Errors Errors)> RecordAsync(ClienteleDb db, long outboxId, CallResultInput input, long? employeeId, CancellationToken ct)
    {
        var errors = new Errors();
        if (input.Result is not { } result) errors.Add("result", Message.Of("is required."));
        else errors.Defined("result", result);
        var note = errors.Optional("note", input.Note, NoteMax);
        if (errors.Any) return (Recorded.Done, errors);
        var row = await db.Set<OutboxMessage>().SingleOrDefaultAsync(m => m.Id == outboxId && m.Channel == CampaignChannel.Call, ct);
        if (row is null) return (Recorded.NotFound, errors);
        if (row.CallResult is not null) return (Recorded.AlreadyRecorded, errors);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = db.UtcNow;
        db.Interactions.Add(new Interaction
        {
            ClientId = row.ClientId, ContactPersonId = row.ContactPersonId, EmployeeId = employeeId, Kind = InteractionKind.Call, Direction = Direction.Outbound,
            OccurredAt = now, Outcome = Word(input.Result!.Value).Encode(), Text = note, Source = "campaign",
        });
        row.CallResult = input.Result;
        if (row.TaskId is { } taskId && await db.Tasks.SingleOrDefaultAsync(t => t.Id == taskId, ct) is { } task)
            (task.Done, task.DoneAt, task.Result) = (true, now, note is null ? Word(input.Result.Value).Render() : Clip(note, TasksApi.ResultMax));
        await db.SaveChangesAsync(ct);
        await ClientRefresh.RunAsync(db, ClientWrite.Of(ChangedRows.Interactions, row.ClientId), ct);
        await db.SaveChangesAsync(ct);
        await AnalyticsCommit.StaleAsync(db);
        await transaction.CommitAsync(ct);
        return (Recorded.Done, errors);
    }
}
