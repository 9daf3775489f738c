using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Privacy;

/// <summary>
/// A personal-data breach in the register (GDPR Art. 33(5) asks for one; 152-FZ Art. 21 part 3.1 for the notices).
/// Entries are never deleted: a correction is an update, and the audit trail keeps who changed what.
/// </summary>
public sealed class DataBreach : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    /// <summary>What happened.</summary>
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>When the company became aware of it (UTC): every deadline runs from here.</summary>
    public DateTime DiscoveredAt { get; set; }
    public DateTime? OccurredFrom { get; set; }
    public DateTime? OccurredTo { get; set; }
    /// <summary>Categories of personal data concerned, e.g. "names, phones, e-mails, purchase history".</summary>
    public string? DataCategories { get; set; }
    public int? PeopleAffected { get; set; }
    public string? ActionsTaken { get; set; }
    /// <summary>152-FZ: the first notice to Roskomnadzor (due within 24 h).</summary>
    public DateTime? RoskomnadzorNotifiedAt { get; set; }
    /// <summary>152-FZ: the results of the internal investigation to Roskomnadzor (due within 72 h).</summary>
    public DateTime? RoskomnadzorResultsAt { get; set; }
    /// <summary>GDPR Art. 33: the notice to the EU supervisory authority (due within 72 h).</summary>
    public DateTime? SupervisoryAuthorityNotifiedAt { get; set; }
    /// <summary>GDPR Art. 34: the people affected were told.</summary>
    public DateTime? PeopleNotifiedAt { get; set; }
    public long? RecordedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

internal sealed class DataBreachConfiguration : IEntityTypeConfiguration<DataBreach>
{
    public void Configure(EntityTypeBuilder<DataBreach> b)
    {
        b.ToTable("DataBreaches");
        b.Property(x => x.Title).HasMaxLength(BreachRules.TitleMax);
        b.Property(x => x.Description).HasMaxLength(BreachRules.TextMax);
        b.Property(x => x.DataCategories).HasMaxLength(BreachRules.CategoriesMax);
        b.Property(x => x.ActionsTaken).HasMaxLength(BreachRules.TextMax);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Employee>().WithMany().HasForeignKey(x => x.RecordedById).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.DiscoveredAt);
    }
}
