using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Surveys;

/// <summary>Where an item of the loop stands: being worked on, fixed and waiting for the client's next answer, closed by it.</summary>
public enum LoopItemState
{
    Open = 0,
    Fixed = 1,
    Closed = 2,
}

/// <summary>
/// What an answer below 10 asks of the company ("closing the loop"): why the client is not fully satisfied, what will be
/// fixed, who fixes it and by when. It stays open until it is marked fixed and the client has answered again after the
/// fix — the new answer closes it (and, below 10, opens its own item).
/// </summary>
public sealed class LoopItem : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public long ClientId { get; set; }
    public Client? Client { get; set; }
    /// <summary>The answer below 10 that opened the item.</summary>
    public long AnswerId { get; set; }
    public SurveyAnswer? Answer { get; set; }
    /// <summary>One of the owner's list of causes; the report counts by it.</summary>
    public long? CauseId { get; set; }
    public LoopCause? Cause { get; set; }
    /// <summary>The cause in the owner's or manager's words, beside or instead of the listed one.</summary>
    public string? CauseNote { get; set; }
    /// <summary>What will be fixed.</summary>
    public string? Fix { get; set; }
    /// <summary>Who fixes it: the client's manager when the answer came, else whoever took the answer.</summary>
    public long? OwnerId { get; set; }
    public Employee? Owner { get; set; }
    /// <summary>A company day: overdue from the day after.</summary>
    public DateOnly DueOn { get; set; }
    /// <summary>UTC; when it was marked fixed.</summary>
    public DateTime? FixedAt { get; set; }
    /// <summary>UTC; when the client's next answer after the fix came.</summary>
    public DateTime? ClosedAt { get; set; }
    public long? ClosedByAnswerId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    public LoopItemState State => ClosedAt is not null ? LoopItemState.Closed : FixedAt is not null ? LoopItemState.Fixed : LoopItemState.Open;

    /// <summary>Not fixed and past its due day.</summary>
    public bool IsOverdue(DateOnly today) => FixedAt is null && ClosedAt is null && DueOn < today;
}

/// <summary>A cause on the owner's list (price, quality, delivery…): the loop report counts items and revenue by it.</summary>
public sealed class LoopCause : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    /// <summary>The owner's own name, or for a default cause its kind (<see cref="Message.Encode"/>), worded in the reader's language.</summary>
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    public static string Show(string stored) => Message.Parse(stored)?.Render() ?? stored;

    /// <summary>The causes a new base starts with (the migration writes their encoded names; this list keeps the kinds in the code).</summary>
    public static readonly Message[] Defaults =
    [
        Message.Of<SurveyText>("Price"),
        Message.Of<SurveyText>("Product quality"),
        Message.Of<SurveyText>("Delivery"),
        Message.Of<SurveyText>("Service"),
        Message.Of<SurveyText>("Other"),
    ];
}

public static class LoopRules
{
    /// <summary>A fix is due two weeks after the answer unless its owner sets another day.</summary>
    public const int DueAfterDays = 14;
    public const int MaxCauseNote = 500;
    public const int MaxFix = 1000;
    public const int MaxCauseName = 100;
}

internal sealed class LoopItemConfiguration : IEntityTypeConfiguration<LoopItem>
{
    public void Configure(EntityTypeBuilder<LoopItem> b)
    {
        b.Property(i => i.CauseNote).HasMaxLength(LoopRules.MaxCauseNote);
        b.Property(i => i.Fix).HasMaxLength(LoopRules.MaxFix);
        b.Property(i => i.Version).IsConcurrencyToken();
        b.Ignore(i => i.State);
        b.HasOne(i => i.Client).WithMany().HasForeignKey(i => i.ClientId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Answer).WithMany().HasForeignKey(i => i.AnswerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SurveyAnswer>().WithMany().HasForeignKey(i => i.ClosedByAnswerId).OnDelete(DeleteBehavior.SetNull);
        // A cause in use is not deleted (the API refuses it), so the report never loses what it counted.
        b.HasOne(i => i.Cause).WithMany().HasForeignKey(i => i.CauseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Owner).WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(i => i.AnswerId).IsUnique();
        b.HasIndex(i => new { i.ClientId, i.ClosedAt });
        // "My day" and the results page's filter: a person's items not yet closed, by due day.
        b.HasIndex(i => new { i.OwnerId, i.ClosedAt, i.DueOn });
        b.HasIndex(i => i.CreatedAt);
        b.HasIndex(i => i.CauseId);
        b.HasIndex(i => i.ClosedByAnswerId);
    }
}

internal sealed class LoopCauseConfiguration : IEntityTypeConfiguration<LoopCause>
{
    public void Configure(EntityTypeBuilder<LoopCause> b)
    {
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
    }
}
