namespace Clientele.Components.Layout;

/// <summary>Resource marker for the top bar and the app-wide pages (access denied, not found): LayoutText.*.resx.</summary>
public sealed class LayoutText;
