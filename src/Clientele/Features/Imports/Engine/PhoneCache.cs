
namespace Clientele.Features.Imports.Engine;

/// <summary>
/// Phone validation for imports. libphonenumber's parse is the costliest step of a row (the plain written forms take
/// <see cref="PhoneFastPath"/>); files repeat numbers (the same switchboard for many contacts, duplicates), so results
/// are remembered by raw text — up to a small bound, so a million distinct numbers do not pin a million strings.
/// </summary>
public sealed class PhoneCache
{
    private const int MaxEntries = 20_000;
    private readonly Dictionary<string, (string? Stored, bool OutsidePlan)> _known = new(StringComparer.Ordinal);

    /// <summary>
    /// The phone to store: E.164, or as written when the numbering plan does not list its range (then
    /// <paramref name="outsidePlan"/> is set, the row keeps it with a warning); null and a refusal for no phone at all.
    /// The refusal is stored in English and said in the reader's language when shown (<see cref="IdText.Relocalize"/>).
    /// </summary>
    public string? Check(Errors errors, string field, string? input, string region, out bool outsidePlan)
    {
        outsidePlan = false;
        if (input is null) return null;
        if (!_known.TryGetValue(input, out var known))
        {
            var e164 = PhoneFastPath.Normalize(input, region);
            known = e164 is not null ? (e164, false) : (ContactRules.KeptAsWritten(input, region), true);
            if (_known.Count < MaxEntries) _known[input] = known;
        }
        if (known.Stored is null)
            errors.Add(field, Message.Of("'{0}' is not a valid phone number.", input.Length <= 40 ? input : input[..40] + "…"));
        else outsidePlan = known.OutsidePlan;
        return known.Stored;
    }
}
