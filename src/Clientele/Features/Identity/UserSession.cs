using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Identity;

/// <summary>
/// One signed-in browser. The cookie only carries <see cref="Id"/>; whether the session still counts is decided here,
/// so that ending a session, deactivating its user or letting it idle takes effect on the server.
/// </summary>
public sealed class UserSession
{
    /// <summary>Random, unguessable (128 bits as hex); it is also the handle the user ends the session by.</summary>
    public required string Id { get; set; }
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    /// <summary>Slides forward with use, never past <see cref="AbsoluteExpiresAt"/>.</summary>
    public DateTime IdleExpiresAt { get; set; }
    public DateTime AbsoluteExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
    /// <summary>"pwd" or "pwd+otp" / "pwd+recovery": how the user proved who they are.</summary>
    public string Method { get; set; } = "pwd";
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("UserSessions");
        b.Property(s => s.Id).HasMaxLength(32).ValueGeneratedNever();
        b.Property(s => s.Ip).HasMaxLength(45);
        b.Property(s => s.UserAgent).HasMaxLength(300);
        b.Property(s => s.Method).HasMaxLength(20);
        b.HasIndex(s => new { s.EmployeeId, s.RevokedAt });
        b.HasOne(s => s.Employee).WithMany().HasForeignKey(s => s.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}
