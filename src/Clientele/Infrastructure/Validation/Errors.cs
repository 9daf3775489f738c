namespace Clientele.Infrastructure.Validation;

/// <summary>
/// Field errors collected while checking one input; keys are the API's camelCase field names. Each error is a
/// <see cref="Message"/> (a kind with its values), worded in the reader's language when it is read.
/// </summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<Message>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public void Add(string field, Message message)
    {
        if (!_byField.TryGetValue(field, out var list))
            _byField[field] = list = [];
        list.Add(message);
    }

    public bool Has(string field) => _byField.ContainsKey(field);

    /// <summary>The field's first error in the current UI culture.</summary>
    public string? First(string field) => FirstMessage(field)?.Render();

    /// <summary>The field's first error as a kind, for a page that words some kinds its own way.</summary>
    public Message? FirstMessage(string field) => _byField.TryGetValue(field, out var list) ? list[0] : null;

    /// <summary>The errors by field, in the current UI culture (the request's, the circuit's or the command's).</summary>
    public Dictionary<string, string[]> ToDictionary() =>
        _byField.ToDictionary(p => p.Key, p => p.Value.Select(m => m.Render()).ToArray(), StringComparer.Ordinal);

    public IEnumerable<(string Field, Message Message)> All => _byField.SelectMany(p => p.Value.Select(m => (p.Key, m)));

    public override string ToString() =>
        string.Join("; ", _byField.Select(p => $"{p.Key}: {string.Join(", ", p.Value.Select(m => m.Render()))}"));

    /// <summary>Checks a required text and its length; returns the trimmed value or null.</summary>
    public string? Required(string field, string? value, int max)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Add(field, Message.Of("is required."));
            return null;
        }
        return Length(field, trimmed, max);
    }

    /// <summary>Checks an optional text's length; blank becomes null.</summary>
    public string? Optional(string field, string? value, int max)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Length(field, trimmed, max);
    }

    private string Length(string field, string value, int max)
    {
        if (value.Length > max) Add(field, Message.Of("must be at most {0} characters (is {1}).", max, value.Length));
        // The forms reach here without passing the API's JSON check; line breaks are theirs to allow (text areas).
        else if (Security.ControlCharacters.Problem(value, multiLine: true) is { } problem) Add(field, problem);
        return value;
    }

    public decimal NonNegative(string field, decimal value)
    {
        if (value < 0) Add(field, Message.Of("must not be negative."));
        return value;
    }

    public decimal? NonNegative(string field, decimal? value)
    {
        if (value < 0) Add(field, Message.Of("must not be negative."));
        return value;
    }

    /// <summary>
    /// The largest amount (exclusive) any money field, rate or their products take: a trillion fits every money column
    /// (18 digits, 2 or 6 of them decimals) and, summed over a client's purchases in whole minor units, a 64-bit
    /// figure; a larger value is a typo or an attack on the arithmetic (an overflow that used to end in a 500).
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000m;
    public const string MaxAmountText = "1 000 000 000 000";

    /// <summary>
    /// A non-negative amount with at most <paramref name="places"/> decimals. The columns keep two (PostgreSQL rounds
    /// anything finer on store, SQLite keeps it as text) and the figures tables count whole kopecks or cents, so a finer
    /// amount would be stored, summed and reported differently on the two databases.
    /// </summary>
    public decimal? Amount(string field, decimal? value, int places = 2)
    {
        if (value < 0) Add(field, Message.Of("must not be negative."));
        else if (value >= MaxAmount) Add(field, Message.Of("must be less than {0:N0}.", MaxAmount));
        else if (value is { } v && v != Math.Round(v, places)) Add(field, Message.Of("must have at most {0} decimal places.", places));
        return value;
    }

    public T Defined<T>(string field, T value) where T : struct, Enum
    {
        if (!Enum.IsDefined(value)) Add(field, Message.Of("must be one of: {0}.", string.Join(", ", Enum.GetNames<T>())));
        return value;
    }
}
