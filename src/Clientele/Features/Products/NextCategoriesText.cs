namespace Clientele.Features.Products;

/// <summary>Marker for the texts of the next products (the card's section, the job's report) in NextCategoriesText.{ru,de}.resx beside it; English is the key itself.</summary>
public sealed class NextCategoriesText;
