using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Infrastructure.Idempotency;

/// <summary>The answer given to a POST with an Idempotency-Key, replayed when the same key comes again.</summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public long EmployeeId { get; set; }
    public required string Key { get; set; }
    public required string RequestPath { get; set; }
    /// <summary>SHA-256 of the request body: the same key with another body is a client error.</summary>
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public string? Location { get; set; }
    public string? ResponseJson { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.Property(r => r.Key).HasMaxLength(200);
        b.Property(r => r.RequestPath).HasMaxLength(300);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.HasIndex(r => new { r.EmployeeId, r.Key }).IsUnique();
        b.HasIndex(r => r.CreatedAt);
    }
}
