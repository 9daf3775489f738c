namespace Clientele.Features.Privacy;

/// <summary>Which notice a deadline is for.</summary>
public enum BreachNotice { RoskomnadzorFirstNotice = 0, RoskomnadzorInvestigation = 1, GdprSupervisoryAuthority = 2 }

public enum DeadlineState { Open = 0, Overdue = 1, MetOnTime = 2, MetLate = 3 }

/// <summary>One deadline of a breach: due when, done when, and how much time is left (negative: overdue by).</summary>
public sealed record BreachDeadline(BreachNotice Notice, int Hours, DateTime DueAt, DateTime? DoneAt, DeadlineState State, TimeSpan? TimeLeft);

/// <summary>
/// The notification deadlines, counted in hours from the moment the company became aware: 152-FZ Art. 21 part 3.1
/// (Roskomnadzor: first notice within 24 h, investigation results within 72 h) and GDPR Art. 33(1) (the supervisory
/// authority within 72 h). Pure: the caller gives "now".
/// </summary>
public static class BreachDeadlines
{
    public const int RoskomnadzorNoticeHours = 24;
    public const int RoskomnadzorInvestigationHours = 72;
    public const int GdprHours = 72;

    public static IReadOnlyList<BreachDeadline> Of(DataBreach breach, DateTime now) =>
    [
        Deadline(BreachNotice.RoskomnadzorFirstNotice, RoskomnadzorNoticeHours, breach.DiscoveredAt, breach.RoskomnadzorNotifiedAt, now),
        Deadline(BreachNotice.RoskomnadzorInvestigation, RoskomnadzorInvestigationHours, breach.DiscoveredAt, breach.RoskomnadzorResultsAt, now),
        Deadline(BreachNotice.GdprSupervisoryAuthority, GdprHours, breach.DiscoveredAt, breach.SupervisoryAuthorityNotifiedAt, now),
    ];

    public static BreachDeadline Deadline(BreachNotice notice, int hours, DateTime discoveredAt, DateTime? doneAt, DateTime now)
    {
        var due = discoveredAt.AddHours(hours);
        if (doneAt is { } done) return new(notice, hours, due, done, done <= due ? DeadlineState.MetOnTime : DeadlineState.MetLate, null);
        return new(notice, hours, due, null, now <= due ? DeadlineState.Open : DeadlineState.Overdue, due - now);
    }
}
