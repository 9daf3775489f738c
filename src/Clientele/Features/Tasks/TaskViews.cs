using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Tasks;

/// <summary>The /tasks page's views of open work, on the company's days (ADR 023).</summary>
public enum TaskView { Today, ThisWeek, Overdue, All }

/// <summary>One row of the /tasks page: the task as the reader reads it.</summary>
public sealed record TaskRow(long Id, long ClientId, string ClientName, string Title, string? Details, DateTime DueAt, string? AssigneeName, long Version);

public static class TaskViews
{
    /// <summary>
    /// Open tasks of the clients the reader sees (row filters: a manager sees their own, co-managed and team's clients'
    /// tasks), in one view, earliest due first.
    /// </summary>
    public static IQueryable<FollowUpTask> Open(ClienteleDb db, TaskView view, CompanyDays days, DateTime utcNow)
    {
        var open = db.Tasks.AsNoTracking().Where(t => !t.Done);
        var today = days.Today(utcNow);
        // A week is Monday to Sunday, as in Russia and Germany.
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var (dayStart, dayEnd) = (days.StartOf(today), days.EndOf(today));
        var (weekStart, weekEnd) = (days.StartOf(monday), days.EndOf(monday.AddDays(6)));
        return (view switch
        {
            TaskView.Today => open.Where(t => t.DueAt >= dayStart && t.DueAt < dayEnd),
            TaskView.ThisWeek => open.Where(t => t.DueAt >= weekStart && t.DueAt < weekEnd),
            TaskView.Overdue => open.Where(t => t.DueAt < utcNow),
            _ => open,
        }).OrderBy(t => t.DueAt).ThenBy(t => t.Id);
    }

    public static async Task<(List<TaskRow> Rows, int Count)> PageAsync(ClienteleDb db, TaskView view, CompanyDays days, DateTime utcNow, int skip, int take, CancellationToken ct)
    {
        var query = Open(db, view, days, utcNow);
        var count = await query.CountAsync(ct);
        var rows = await query.Skip(skip).Take(take)
            .Select(t => new { t.Id, t.ClientId, ClientName = t.Client!.Name, t.Title, t.Details, t.DueAt, Assignee = t.Assignee != null ? t.Assignee.DisplayName : null, t.Version })
            .ToListAsync(ct);
        return ([.. rows.Select(r => new TaskRow(r.Id, r.ClientId, Access.FieldMasks.MaskName(db.Access, r.ClientId, r.ClientName),
            TaskTexts.Show(r.Title), TaskTexts.ShowOptional(r.Details), r.DueAt, r.Assignee, r.Version))], count);
    }
}
