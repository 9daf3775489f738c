namespace Clientele.Features.Imports.Cli;

/// <summary>
/// Marker for what <c>clientele import</c> prints (the counts, each row worth reading, the summary line and its
/// refusals), in ImportCliText.{ru,de}.resx beside it, worded in the command's language (<c>--culture</c>, ADR 034).
/// </summary>
public sealed class ImportCliText;
