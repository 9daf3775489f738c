namespace Clientele.Features.Demo;

/// <summary>
/// Marker for the demo base's stored texts (its tasks' titles), kept as kinds and read in each reader's language; the
/// translations in DemoText.{ru,de}.resx beside it (English is the key itself).
/// </summary>
public sealed class DemoText;
