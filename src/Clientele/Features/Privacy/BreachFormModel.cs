namespace Clientele.Features.Privacy;

/// <summary>The breach form's editable copy, in the user's local time (the date pickers show local times).</summary>
public sealed class BreachFormModel
{
    public long? Id { get; set; }
    public long? Version { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public DateTime? DiscoveredAt { get; set; }
    public DateTime? OccurredFrom { get; set; }
    public DateTime? OccurredTo { get; set; }
    public string? DataCategories { get; set; }
    public int? PeopleAffected { get; set; }
    public string? ActionsTaken { get; set; }
    public DateTime? RoskomnadzorNotifiedAt { get; set; }
    public DateTime? RoskomnadzorResultsAt { get; set; }
    public DateTime? SupervisoryAuthorityNotifiedAt { get; set; }
    public DateTime? PeopleNotifiedAt { get; set; }

    public static BreachFormModel From(BreachResponse b) => new()
    {
        Id = b.Id, Version = b.Version, Title = b.Title, Description = b.Description, DiscoveredAt = Local(b.DiscoveredAt),
        OccurredFrom = Local(b.OccurredFrom), OccurredTo = Local(b.OccurredTo), DataCategories = b.DataCategories, PeopleAffected = b.PeopleAffected,
        ActionsTaken = b.ActionsTaken, RoskomnadzorNotifiedAt = Local(b.RoskomnadzorNotifiedAt), RoskomnadzorResultsAt = Local(b.RoskomnadzorResultsAt),
        SupervisoryAuthorityNotifiedAt = Local(b.SupervisoryAuthorityNotifiedAt), PeopleNotifiedAt = Local(b.PeopleNotifiedAt),
    };

    public BreachInput ToInput() => new(Title, Description, Utc(DiscoveredAt), Utc(OccurredFrom), Utc(OccurredTo), DataCategories, PeopleAffected,
        ActionsTaken, Utc(RoskomnadzorNotifiedAt), Utc(RoskomnadzorResultsAt), Utc(SupervisoryAuthorityNotifiedAt), Utc(PeopleNotifiedAt));

    private static DateTime? Local(DateTime? utc) => utc is { } u ? DateTime.SpecifyKind(u, DateTimeKind.Utc).ToLocalTime() : null;

    private static DateTime? Utc(DateTime? local) => local is { } l ? DateTime.SpecifyKind(l, DateTimeKind.Local).ToUniversalTime() : null;
}
