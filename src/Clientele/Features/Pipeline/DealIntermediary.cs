using Clientele.Features.Access;

namespace Clientele.Features.Pipeline;

/// <summary>
/// What a reader is told of a deal's intermediary (ADR 044's rule for the card's chain): its name when the reader sees
/// it (an analyst its number), "an intermediary you do not manage" when they do not — never its name — and nothing for
/// a direct deal. The name is read through the reader's row filter, so a null name beside an id is a hidden one.
/// </summary>
public static class DealIntermediary
{
    public static string? Shown(AccessScope access, long? intermediaryId, string? visibleName, string hiddenText) =>
        intermediaryId is not { } id ? null
        : visibleName is null ? hiddenText
        : FieldMasks.MaskName(access, id, visibleName);
}
