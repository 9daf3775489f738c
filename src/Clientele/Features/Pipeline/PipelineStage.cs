using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Pipeline;

/// <summary>What reaching a stage means for a deal: still being worked on, won (a sale) or lost.</summary>
public enum StageOutcome
{
    Open = 0,
    Won = 1,
    Lost = 2,
}

/// <summary>A column of the deal board; the owner names, orders and weighs them.</summary>
public sealed class PipelineStage : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    /// <summary>The owner's own name, or for a default stage its kind (<see cref="Message.Encode"/>), worded in the reader's language.</summary>
    public required string Name { get; set; }
    /// <summary>Board order, left to right.</summary>
    public int Position { get; set; }
    /// <summary>Percent chance that a deal at this stage is won; the forecast weighs the deal's value by it.</summary>
    public int Probability { get; set; }
    public StageOutcome Outcome { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    /// <summary>The name in the reader's language.</summary>
    public static string Show(string stored) => Message.Parse(stored)?.Render() ?? stored;

    /// <summary>
    /// The stages a new base starts with (the migration writes their encoded names; this list keeps the kinds in the
    /// code, where the translation test finds them).
    /// </summary>
    public static readonly (Message Name, int Probability, StageOutcome Outcome)[] Defaults =
    [
        (Message.Of<PipelineText>("New"), 10, StageOutcome.Open),
        (Message.Of<PipelineText>("Qualified"), 20, StageOutcome.Open),
        (Message.Of<PipelineText>("Needs identified"), 30, StageOutcome.Open),
        (Message.Of<PipelineText>("Proposal"), 50, StageOutcome.Open),
        (Message.Of<PipelineText>("Negotiation"), 70, StageOutcome.Open),
        (Message.Of<PipelineText>("Contract"), 90, StageOutcome.Open),
        (Message.Of<PipelineText>("Won"), 100, StageOutcome.Won),
        (Message.Of<PipelineText>("Lost"), 0, StageOutcome.Lost),
    ];
}

internal sealed class PipelineStageConfiguration : IEntityTypeConfiguration<PipelineStage>
{
    public void Configure(EntityTypeBuilder<PipelineStage> b)
    {
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => s.Position);
    }
}
