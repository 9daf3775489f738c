namespace Clientele.Features.Pipeline;

/// <summary>
/// Marker for the texts of the deal pipeline (stages, deals, the board, the forecast) in PipelineText.{ru,de}.resx
/// beside it; English is the key itself.
/// </summary>
public sealed class PipelineText;
