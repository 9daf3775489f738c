using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Groups;

/// <summary>The groups every base starts with (seed 003); the owner adds more.</summary>
public enum GroupPreset { None = 0, Productive = 1, Image = 2, Prospective = 3 }

/// <summary>
/// An owner-defined group of clients with its own strategy. Members are added by hand, or follow the saved rule
/// (a <see cref="Analytics.ClientProfile"/>), or both; a client may be in several groups.
/// </summary>
public sealed class ClientGroup : IHasId, IVersioned
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public GroupPreset Preset { get; set; }
    /// <summary>What the company does with this group's clients.</summary>
    public string? Strategy { get; set; }
    /// <summary>A <see cref="Analytics.ClientProfile"/> in JSON; null when membership is by hand only.</summary>
    public string? Rule { get; set; }
    public List<ClientGroupMember> Members { get; set; } = [];
    public long Version { get; set; }
}

public sealed class ClientGroupMember
{
    public long GroupId { get; set; }
    public long ClientId { get; set; }
}

internal sealed class ClientGroupConfiguration : IEntityTypeConfiguration<ClientGroup>
{
    public void Configure(EntityTypeBuilder<ClientGroup> b)
    {
        b.Property(g => g.Name).HasMaxLength(100);
        b.Property(g => g.Strategy).HasMaxLength(1000);
        b.Property(g => g.Rule).HasMaxLength(4000);
        b.Property(g => g.Version).IsConcurrencyToken();
        b.HasIndex(g => g.Name).IsUnique();
        b.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClientGroupMemberConfiguration : IEntityTypeConfiguration<ClientGroupMember>
{
    public void Configure(EntityTypeBuilder<ClientGroupMember> b)
    {
        b.HasKey(m => new { m.GroupId, m.ClientId });
        b.HasIndex(m => m.ClientId);
        b.HasOne<Client>().WithMany().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}
