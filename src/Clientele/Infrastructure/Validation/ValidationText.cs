namespace Clientele.Infrastructure.Validation;

/// <summary>
/// Marker for the validation vocabulary in ValidationText.{ru,de}.resx beside it: every refusal of input that the API,
/// the forms, imports and the command line give, with the values as numbered holes (ADR 022). English is the key itself.
/// </summary>
public sealed class ValidationText;
