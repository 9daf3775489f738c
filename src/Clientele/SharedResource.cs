namespace Clientele;

/// <summary>Marker for the one set of UI strings in Resources/SharedResource.{ru,de,en}.resx.</summary>
public sealed class SharedResource;
