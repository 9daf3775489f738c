using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Handover;

/// <summary>The owner's two numbers for the managers' load: how long a class A client may go without contact, and a manager's capacity.</summary>
public sealed class ManagerLoadSettings
{
    public const long SingletonId = 1;
    public long Id { get; set; } = SingletonId;
    /// <summary>Days after which a class A client nobody was in touch with is flagged.</summary>
    public int UncontactedDaysA { get; set; } = 30;
    /// <summary>What one manager can serve, in class weights (A = 3, B = 2, C = 1).</summary>
    public int Capacity { get; set; } = 150;
}

internal sealed class ManagerLoadSettingsConfiguration : IEntityTypeConfiguration<ManagerLoadSettings>
{
    public void Configure(EntityTypeBuilder<ManagerLoadSettings> b)
    {
        b.ToTable("ManagerLoadSettings");
        b.Property(s => s.Id).ValueGeneratedNever();
    }
}
