namespace Clientele.Features.Company;

/// <summary>Marker for the company settings' own texts in CompanyText.{ru,de}.resx beside it (English is the key itself).</summary>
public sealed class CompanyText;
