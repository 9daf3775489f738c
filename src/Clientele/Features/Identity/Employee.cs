using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Identity;

public enum EmployeeRole { Owner = 0, Manager = 1, Marketer = 2, Analyst = 3 }

/// <summary>A member of the company's staff who signs in.</summary>
public sealed class Employee : IdentityUser<long>
{
    public required string DisplayName { get; set; }
    public EmployeeRole Role { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime? DepartedAt { get; set; }
    /// <summary>ru, de or en; null follows the browser.</summary>
    public string? Culture { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The manager who leads this employee's team: a team lead sees the clients of the team's members.</summary>
    public long? TeamLeadId { get; set; }
}

/// <summary>A personal API token; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public long Id { get; set; }
    public long EmployeeId { get; set; }
    public Employee? Employee { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> b)
    {
        b.Property(e => e.DisplayName).HasMaxLength(200);
        b.Property(e => e.Culture).HasMaxLength(5);
        b.HasOne<Employee>().WithMany().HasForeignKey(e => e.TeamLeadId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Hash).HasMaxLength(64);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => new { t.EmployeeId, t.Name });
        b.HasOne(t => t.Employee).WithMany().HasForeignKey(t => t.EmployeeId).OnDelete(DeleteBehavior.Cascade);
    }
}
