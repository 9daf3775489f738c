using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Pipeline;

/// <summary>Where a lead came from.</summary>
public enum LeadSource
{
    Manual = 0,
    Api = 1,
    WebForm = 2,
    Referral = 3,
}

public enum LeadStatus
{
    Open = 0,
    Converted = 1,
    Discarded = 2,
}

/// <summary>Someone who may become a client: typed in, sent through the API or the public form, or referred by a client.</summary>
public sealed class Lead : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? Company { get; set; }
    /// <summary>E.164 when the numbering plan knows it, else as written.</summary>
    public string? Phone { get; set; }
    /// <summary>Trimmed and lower-cased.</summary>
    public string? Email { get; set; }
    public string? Note { get; set; }
    public LeadSource Source { get; set; }
    /// <summary>The public form it came through.</summary>
    public long? FormId { get; set; }
    public LeadForm? Form { get; set; }
    /// <summary>The client who referred it.</summary>
    public long? ReferrerClientId { get; set; }
    public Client? ReferrerClient { get; set; }
    /// <summary>The client it became (made or found on conversion).</summary>
    public long? ConvertedClientId { get; set; }
    public Client? ConvertedClient { get; set; }
    public LeadStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.Property(l => l.Name).HasMaxLength(200);
        b.Property(l => l.Company).HasMaxLength(200);
        b.Property(l => l.Phone).HasMaxLength(40);
        b.Property(l => l.Email).HasMaxLength(254);
        b.Property(l => l.Note).HasMaxLength(2000);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasOne(l => l.Form).WithMany().HasForeignKey(l => l.FormId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(l => l.ReferrerClient).WithMany().HasForeignKey(l => l.ReferrerClientId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(l => l.ConvertedClient).WithMany().HasForeignKey(l => l.ConvertedClientId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(l => new { l.Status, l.Id });
        b.HasIndex(l => l.ReferrerClientId);
        b.HasIndex(l => l.ConvertedClientId);
        b.HasIndex(l => l.FormId);
    }
}

/// <summary>A public web form the company embeds on its site; its token is the whole address (<c>/f/{token}</c>).</summary>
public sealed class LeadForm : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Random, URL-safe; unguessable, so a form cannot be found by counting.</summary>
    public required string Token { get; set; }
    public bool Active { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

internal sealed class LeadFormConfiguration : IEntityTypeConfiguration<LeadForm>
{
    public void Configure(EntityTypeBuilder<LeadForm> b)
    {
        b.Property(f => f.Name).HasMaxLength(100);
        b.Property(f => f.Token).HasMaxLength(43);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasIndex(f => f.Token).IsUnique();
    }
}
