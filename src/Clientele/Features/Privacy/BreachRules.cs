namespace Clientele.Features.Privacy;

public sealed record BreachInput(
    string? Title, string? Description, DateTime? DiscoveredAt, DateTime? OccurredFrom, DateTime? OccurredTo, string? DataCategories,
    int? PeopleAffected, string? ActionsTaken, DateTime? RoskomnadzorNotifiedAt = null, DateTime? RoskomnadzorResultsAt = null,
    DateTime? SupervisoryAuthorityNotifiedAt = null, DateTime? PeopleNotifiedAt = null);

public sealed record BreachDeadlineResponse(BreachNotice Notice, int Hours, DateTime DueAt, DateTime? DoneAt, DeadlineState State, double? HoursLeft);

public sealed record BreachResponse(
    long Id, string Title, string? Description, DateTime DiscoveredAt, DateTime? OccurredFrom, DateTime? OccurredTo, string? DataCategories,
    int? PeopleAffected, string? ActionsTaken, DateTime? RoskomnadzorNotifiedAt, DateTime? RoskomnadzorResultsAt,
    DateTime? SupervisoryAuthorityNotifiedAt, DateTime? PeopleNotifiedAt, long? RecordedById, IReadOnlyList<BreachDeadlineResponse> Deadlines,
    DateTime CreatedAt, DateTime UpdatedAt, long Version)
{
    public static BreachResponse Of(DataBreach b, DateTime now) => new(
        b.Id, b.Title, b.Description, b.DiscoveredAt, b.OccurredFrom, b.OccurredTo, b.DataCategories, b.PeopleAffected, b.ActionsTaken,
        b.RoskomnadzorNotifiedAt, b.RoskomnadzorResultsAt, b.SupervisoryAuthorityNotifiedAt, b.PeopleNotifiedAt, b.RecordedById,
        [.. BreachDeadlines.Of(b, now).Select(d => new BreachDeadlineResponse(d.Notice, d.Hours, d.DueAt, d.DoneAt, d.State,
            d.TimeLeft is { } left ? Math.Round(left.TotalHours, 2) : null))],
        b.CreatedAt, b.UpdatedAt, b.Version);
}

/// <summary>Checks a breach entry: the times must be in order, since every deadline is computed from them.</summary>
public static class BreachRules
{
    public const int TitleMax = 300;
    public const int TextMax = 4000;
    public const int CategoriesMax = 1000;

    public static Errors Check(BreachInput input, DateTime now)
    {
        var e = new Errors();
        e.Required("title", input.Title, TitleMax);
        e.Optional("description", input.Description, TextMax);
        e.Optional("dataCategories", input.DataCategories, CategoriesMax);
        e.Optional("actionsTaken", input.ActionsTaken, TextMax);
        if (input.PeopleAffected is < 0) e.Add("peopleAffected", Message.Of("must not be negative."));
        var latest = now + ConsentRules.ClockSkew;
        var discovered = Utc(input.DiscoveredAt);
        if (discovered is not { } d) e.Add("discoveredAt", Message.Of("is required: when the company became aware of the breach."));
        else if (d > latest) e.Add("discoveredAt", Message.Of("must not lie in the future."));
        else if (d.Year < 1990) e.Add("discoveredAt", Message.Of("must be after 1990."));
        var (from, to) = (Utc(input.OccurredFrom), Utc(input.OccurredTo));
        if (from > latest) e.Add("occurredFrom", Message.Of("must not lie in the future."));
        if (to > latest) e.Add("occurredTo", Message.Of("must not lie in the future."));
        if (from > to) e.Add("occurredTo", Message.Of("must not be before occurredFrom."));
        if (from > discovered) e.Add("occurredFrom", Message.Of("must not be after discoveredAt: a breach is discovered after it began."));
        Notice(e, "roskomnadzorNotifiedAt", input.RoskomnadzorNotifiedAt, discovered, latest);
        Notice(e, "roskomnadzorResultsAt", input.RoskomnadzorResultsAt, discovered, latest);
        Notice(e, "supervisoryAuthorityNotifiedAt", input.SupervisoryAuthorityNotifiedAt, discovered, latest);
        Notice(e, "peopleNotifiedAt", input.PeopleNotifiedAt, discovered, latest);
        return e;
    }

    private static void Notice(Errors e, string field, DateTime? value, DateTime? discovered, DateTime latest)
    {
        if (Utc(value) is not { } at) return;
        if (at > latest) e.Add(field, Message.Of("must not lie in the future."));
        else if (at < discovered) e.Add(field, Message.Of("must not be before discoveredAt."));
    }

    public static DateTime? Utc(DateTime? value) => value is { } v ? (v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    public static void Apply(DataBreach b, BreachInput input)
    {
        b.Title = input.Title!.Trim();
        b.Description = Trim(input.Description);
        b.DiscoveredAt = Utc(input.DiscoveredAt)!.Value;
        (b.OccurredFrom, b.OccurredTo) = (Utc(input.OccurredFrom), Utc(input.OccurredTo));
        b.DataCategories = Trim(input.DataCategories);
        b.PeopleAffected = input.PeopleAffected;
        b.ActionsTaken = Trim(input.ActionsTaken);
        b.RoskomnadzorNotifiedAt = Utc(input.RoskomnadzorNotifiedAt);
        b.RoskomnadzorResultsAt = Utc(input.RoskomnadzorResultsAt);
        b.SupervisoryAuthorityNotifiedAt = Utc(input.SupervisoryAuthorityNotifiedAt);
        b.PeopleNotifiedAt = Utc(input.PeopleNotifiedAt);
    }

    private static string? Trim(string? text) => text?.Trim() is { Length: > 0 } t ? t : null;
}
