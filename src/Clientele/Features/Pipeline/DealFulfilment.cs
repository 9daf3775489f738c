using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Pipeline;

/// <summary>
/// The contract a deal was closed with (the sale stage, ADR 045): its number and the company day it was signed. One per
/// deal; deliveries and problems hang on it, and none may be dated before it.
/// </summary>
public sealed class DealContract : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public required string Number { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A delivery promised under a deal's contract: the promised company day and, once kept, the day it was delivered.</summary>
public sealed class DealDelivery : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public long DealId { get; set; }
    /// <summary>What is delivered (a batch, a stage of the work); optional.</summary>
    public string? What { get; set; }
    public DateOnly PromisedOn { get; set; }
    /// <summary>Null while the delivery is open.</summary>
    public DateOnly? DeliveredOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>A problem the client raised while the contract was fulfilled, open until resolved.</summary>
public sealed class DealProblem : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public long DealId { get; set; }
    public required string Text { get; set; }
    public DateOnly RaisedOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

public static class FulfilmentRules
{
    public const int NumberMax = 50;
    public const int WhatMax = 200;
    public const int TextMax = 1000;
}

internal sealed class DealContractConfiguration : IEntityTypeConfiguration<DealContract>
{
    public void Configure(EntityTypeBuilder<DealContract> b)
    {
        b.ToTable("DealContracts");
        b.Property(c => c.Number).HasMaxLength(FulfilmentRules.NumberMax);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Deal>().WithMany().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => c.DealId).IsUnique();
    }
}

internal sealed class DealDeliveryConfiguration : IEntityTypeConfiguration<DealDelivery>
{
    public void Configure(EntityTypeBuilder<DealDelivery> b)
    {
        b.ToTable("DealDeliveries");
        b.Property(d => d.What).HasMaxLength(FulfilmentRules.WhatMax);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Deal>().WithMany().HasForeignKey(d => d.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.DealId, d.PromisedOn });
        // My day and the report read the open ones by promised day.
        b.HasIndex(d => new { d.DeliveredOn, d.PromisedOn });
    }
}

internal sealed class DealProblemConfiguration : IEntityTypeConfiguration<DealProblem>
{
    public void Configure(EntityTypeBuilder<DealProblem> b)
    {
        b.ToTable("DealProblems");
        b.Property(p => p.Text).HasMaxLength(FulfilmentRules.TextMax);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne<Deal>().WithMany().HasForeignKey(p => p.DealId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(p => new { p.DealId, p.RaisedOn });
    }
}
