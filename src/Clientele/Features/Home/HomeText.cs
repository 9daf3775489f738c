namespace Clientele.Features.Home;

/// <summary>Resource marker for the home page: HomeText.*.resx.</summary>
public sealed class HomeText;
