using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Identity;

/// <summary>
/// The owner's invitation of a new user by e-mail address and role. Its link carries the invitation's id signed with
/// the key kept outside the database (<see cref="Campaigns.MailSecrets"/>), so whoever reads the database cannot make
/// one; it is used once (<see cref="AcceptedAt"/>), only until <see cref="ExpiresAt"/> and not after the owner withdrew
/// it (<see cref="RevokedAt"/>).
/// </summary>
public sealed class UserInvite
{
    public long Id { get; set; }
    public required string Email { get; set; }
    /// <summary>The name the owner suggested; the invitee may change it when accepting.</summary>
    public string? DisplayName { get; set; }
    public EmployeeRole Role { get; set; }
    /// <summary>ru, de or en, the owner's when inviting: the language the mail speaks (the page speaks the visitor's).</summary>
    public required string Language { get; set; }
    public long InvitedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>When the link was mailed; null when the owner copied it instead.</summary>
    public DateTime? MailedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    /// <summary>When the owner withdrew the invitation; its link then changes nothing.</summary>
    public DateTime? RevokedAt { get; set; }
    /// <summary>The account the invitation made.</summary>
    public long? EmployeeId { get; set; }
}

internal sealed class UserInviteConfiguration : IEntityTypeConfiguration<UserInvite>
{
    public void Configure(EntityTypeBuilder<UserInvite> b)
    {
        b.ToTable("UserInvites");
        b.Property(i => i.Email).HasMaxLength(256);
        b.Property(i => i.DisplayName).HasMaxLength(200);
        b.Property(i => i.Language).HasMaxLength(5);
        b.HasIndex(i => i.Email);
        b.HasOne<Employee>().WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Employee>().WithMany().HasForeignKey(i => i.EmployeeId).OnDelete(DeleteBehavior.SetNull);
    }
}
