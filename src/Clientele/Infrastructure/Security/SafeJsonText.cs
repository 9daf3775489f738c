using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Clientele.Infrastructure.Security;

/// <summary>Marks a request property whose text may span lines (tab, CR and LF allowed).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineTextAttribute : Attribute;

/// <summary>A request string with a forbidden character. <see cref="Field"/> is relative to the JSON path of the object holding it.</summary>
public sealed class ForbiddenCharacterException(string field, Validation.Message text) : JsonException(text.Render(CultureInfo.InvariantCulture))
{
    public string Field { get; } = field;

    /// <summary>What is wrong, worded in the reader's language when the answer is written.</summary>
    public Validation.Message Text { get; } = text;
}

/// <summary>
/// Every string a request body carries is checked once its object is read, so no endpoint can forget it: one-line
/// text (names, e-mails, tags, list items) must hold no control characters at all; properties marked
/// <see cref="MultiLineTextAttribute"/> or named like free text (notes, text, comment...) may hold tab, CR and LF.
/// A deserialisation callback rather than a string converter, because a custom converter would turn every string
/// of the OpenAPI document into an untyped schema.
/// </summary>
public static class SafeJsonText
{
    /// <summary>Property names that hold free text by this code base's naming; other features opt in with the attribute.</summary>
    private static readonly HashSet<string> MultiLineNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "notes", "note", "text", "comment", "comments", "description", "details", "strategy", "body", "content",
        "message", "template", "address", "summary",
    };

    /// <summary>Adds the check to the options' contract resolver.</summary>
    public static void Apply(JsonSerializerOptions options) =>
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(CheckStringsAfterReading);

    /// <summary>A reflection resolver with the check, for options of our own (merge patches).</summary>
    public static IJsonTypeInfoResolver Resolver() => new DefaultJsonTypeInfoResolver { Modifiers = { CheckStringsAfterReading } };

    /// <summary>
    /// Refuses a free-form JSON body (a merge patch) holding text that is not Unicode — an escaped unpaired surrogate or
    /// invalid UTF-8 — which a parsed document keeps as it is until something reads the text and fails.
    /// </summary>
    public static void ThrowOnInvalidText(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    ThrowOnInvalidText(property.Value, Join(path, Read(() => property.Name, path)));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    ThrowOnInvalidText(item, string.Create(CultureInfo.InvariantCulture, $"{(path.Length == 0 ? "body" : path)}[{index++}]"));
                break;
            case JsonValueKind.String:
                Read(element.GetString, path);
                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Read(Func<string?> read, string path)
    {
        try
        {
            return read() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw new ForbiddenCharacterException(path.Length == 0 ? "body" : path, Validation.Message.Of("is not valid Unicode text (an unpaired surrogate or invalid UTF-8)."));
        }
    }

    private static void CheckStringsAfterReading(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var texts = type.Properties
            .Where(p => p.Get is not null && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))
            .Select(p => (p.Name, Get: p.Get!, MultiLine: IsMultiLine(p)))
            .ToArray();
        if (texts.Length == 0) return;
        var earlier = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            foreach (var (name, get, multiLine) in texts) Check(name, get(value), multiLine);
            earlier?.Invoke(value);
        };
    }

    private static bool IsMultiLine(JsonPropertyInfo property) =>
        property.PropertyType == typeof(string)
        && (MultiLineNames.Contains(property.Name) || property.AttributeProvider?.IsDefined(typeof(MultiLineTextAttribute), inherit: true) == true);

    private static void Check(string name, object? value, bool multiLine)
    {
        switch (value)
        {
            case string text when ControlCharacters.Problem(text, multiLine) is { } problem:
                throw new ForbiddenCharacterException(name, problem);
            case IEnumerable<string?> texts:
                var index = 0;
                foreach (var text in texts)
                {
                    if (ControlCharacters.Problem(text, multiLine: false) is { } itemProblem)
                        throw new ForbiddenCharacterException(string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]"), itemProblem);
                    index++;
                }
                break;
        }
    }
}
