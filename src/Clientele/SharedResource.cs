// The assembly is named "clientele" but its resources live under the "Clientele" namespace.
[assembly: Microsoft.Extensions.Localization.RootNamespace("Clientele")]

namespace Clientele;

/// <summary>Marker for the one set of UI strings in Resources/SharedResource.{ru,de}.resx (English is the key itself).</summary>
public sealed class SharedResource;
