namespace Clientele.Features.Surveys;

/// <summary>
/// Marker for the texts of the three-questions survey (the card's form, the public link, the results page) in
/// SurveyText.{ru,de}.resx beside it; English is the key itself.
/// </summary>
public sealed class SurveyText;
