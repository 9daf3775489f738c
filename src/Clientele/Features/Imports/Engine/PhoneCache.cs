namespace Clientele.Features.Imports.Engine;

/// <summary>
/// Phone validation for imports. libphonenumber's parse is the costliest step of a row (the plain written forms take
/// <see cref="PhoneFastPath"/>); files repeat numbers (the same switchboard for many contacts, duplicates), so results
/// are remembered by raw text — up to a small bound, so a million distinct numbers do not pin a million strings.
/// </summary>
public sealed class PhoneCache
{
    private const int MaxEntries = 20_000;
    private readonly Dictionary<string, string?> _known = new(StringComparer.Ordinal);

    public string? Check(Errors errors, string field, string? input, string region)
    {
        if (input is null) return null;
        if (!_known.TryGetValue(input, out var e164))
        {
            e164 = PhoneFastPath.Normalize(input, region);
            if (_known.Count < MaxEntries) _known[input] = e164;
        }
        if (e164 is null) errors.Add(field, Message.Of("'{0}' is not a valid phone number.", (input.Length <= 40 ? input : input[..40] + "…")));
        return e164;
    }
}
