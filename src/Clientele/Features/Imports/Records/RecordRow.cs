using System.Globalization;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;

namespace Clientele.Features.Imports.Records;

/// <summary>
/// One data row of a record import: its mapped cells by field key, and what is wrong with it. Reading a value that
/// does not parse notes the problem (field + reason) and gives null, so a row collects its first complaint and the
/// importer rejects it with that.
/// </summary>
internal sealed class RecordRow
{
    private readonly Dictionary<string, string> _values;

    private RecordRow(long line, Dictionary<string, string> values)
    {
        Line = line;
        _values = values;
    }

    public long Line { get; }
    public long? ClientId { get; set; }
    /// <summary>The identifier the client was found by (a field key), to name it in messages about the client.</summary>
    public string ClientField { get; set; } = ImportFields.ClientName;
    public (string? Field, string Reason)? Problem { get; private set; }
    public bool IsBlank => _values.Count == 0;

    public static RecordRow Read(ITabularReader file, ColumnMap map)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < map.Fields.Count; i++)
            if (map.Fields[i] is { } field && file[i].Trim() is { Length: > 0 } text) values[field] = field switch
            {
                "number" => OneC.DocumentNumber(text),
                ImportFields.ClientTaxId => OneC.SplitTaxId(text).TaxId,
                _ => text,
            };
        var row = new RecordRow(file.Line, values);
        if (file.RowError is { } error) row.Reject(null, error);
        return row;
    }

    public string? this[string field] => _values.GetValueOrDefault(field);

    public bool Has(string field) => _values.ContainsKey(field);

    public void Reject(string? field, string reason) => Problem ??= (field, reason);

    public DateTime? DateTime(string field)
    {
        if (this[field] is not { } text) return null;
        if (ImportValues.TryParseDateTime(text, out var value, out var error)) return value;
        Reject(field, error ?? Message.Of<RecordText>("'{0}' is not a date.", text).Encode());
        return null;
    }

    public DateOnly? Date(string field)
    {
        if (this[field] is not { } text) return null;
        if (ImportValues.TryParseDate(text, out var value, out var error)) return value;
        Reject(field, error ?? Message.Of<RecordText>("'{0}' is not a date.", text).Encode());
        return null;
    }

    /// <summary>An amount; the currency its cell names ("1 234,56 ₽") is collected to check it against the others.</summary>
    public decimal? Amount(string field, HashSet<string>? currencies = null)
    {
        if (this[field] is not { } text) return null;
        if (ImportValues.TryParseAmount(text, out var value, out var currency, out var error))
        {
            if (currency is not null) currencies?.Add(currency);
            return value;
        }
        Reject(field, error ?? Message.Of<RecordText>("'{0}' is not an amount.", text).Encode());
        return null;
    }

    public int? Whole(string field)
    {
        if (this[field] is not { } text) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Reject(field, Message.Of<RecordText>("'{0}' is not a whole number.", text).Encode());
        return null;
    }

    /// <summary>
    /// The row's currency: the currency column, else the one its amounts name, else the base currency; a cell naming
    /// another currency than the column is a contradiction the user must resolve.
    /// </summary>
    public string Currency(HashSet<string> fromAmounts, string baseCurrency)
    {
        var column = this[ImportFields.Currency]?.Trim().ToUpperInvariant();
        if (column is not null && fromAmounts.FirstOrDefault(c => c != column) is { } other)
            Reject(ImportFields.Currency, Message.Of<RecordText>("the amounts are in {0} but the currency column says {1}.", other, column).Encode());
        else if (column is null && fromAmounts.Count > 1)
            Reject(ImportFields.Currency, Message.Of<RecordText>("the amounts are in different currencies: {0}.", string.Join(", ", fromAmounts)).Encode());
        return column ?? fromAmounts.FirstOrDefault() ?? baseCurrency;
    }

    /// <summary>The one choice among <paramref name="words"/> the cell names (compared as header keys), or <paramref name="fallback"/> when empty.</summary>
    public T Choice<T>(string field, IReadOnlyDictionary<string, T> words, T fallback) where T : struct, Enum
    {
        if (this[field] is not { } text) return fallback;
        if (words.TryGetValue(ImportMapping.HeaderKey(text), out var value)) return value;
        Reject(field, Message.Of<RecordText>("'{0}' is not one of: {1} (or their Russian or German names).", text, string.Join(", ", Enum.GetNames<T>())).Encode());
        return fallback;
    }
}
