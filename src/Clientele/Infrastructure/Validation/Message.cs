using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Clientele.Infrastructure.Validation;

/// <summary>
/// A user-facing text as a kind with its values: the key is the English wording with composite-format holes
/// ("'{0}' is not a valid e-mail address."), looked up in the resources of <see cref="Resource"/> (by default
/// <see cref="ValidationText"/>) and filled in the reader's language and number format only when it is shown. So an API
/// answer, a Blazor form and the command line word the same refusal each in their own reader's language, and a
/// stored reason can be written once and read in any (ADR 022).
/// </summary>
public sealed record Message
{
    private Message(Type resource, string key, object?[] args) => (Resource, Key, Args) = (resource, key, args);

    public Type Resource { get; }
    public string Key { get; }
    public IReadOnlyList<object?> Args { get; }

    /// <summary>A text of the shared validation vocabulary (<see cref="ValidationText"/>).</summary>
    public static Message Of(string key, params object?[] args) => new(typeof(ValidationText), key, args);

    /// <summary>A text of a feature's own resources (its marker class <typeparamref name="TMarker"/>).</summary>
    public static Message Of<TMarker>(string key, params object?[] args) => new(typeof(TMarker), key, args);

    /// <summary>
    /// A text a localizer has already worded in the reader's language (a service's refusal shown in a form's field); it
    /// reads the same in any culture. Never for a literal: the convention test refuses one.
    /// </summary>
    public static Message Worded(string text) => new(typeof(AlreadyWorded), text, []);

    /// <summary>The text in <paramref name="culture"/> (default: the current UI culture), its values formatted in that culture.</summary>
    public string Render(CultureInfo? culture = null)
    {
        if (Resource == typeof(AlreadyWorded)) return Key;
        culture ??= CultureInfo.CurrentUICulture;
        var pattern = Texts(Resource).GetString(Key, culture) ?? Key;
        if (Args.Count == 0) return pattern;
        var values = Args.Select(a => a is Message inner ? inner.Render(culture) : a).ToArray();
        return string.Format(culture, pattern, values);
    }

    public override string ToString() => Render();

    public bool Equals(Message? other) =>
        other is not null && other.Resource == Resource && other.Key == Key && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Resource, Key, Args.Count);

    private static readonly ConcurrentDictionary<Type, ResourceManager> Managers = new();

    /// <summary>
    /// The marker's resources, under the marker's full name as the SDK embeds a .resx beside its class (ADR 013);
    /// the neutral .resx holds the English wording, so a key missing there still reads as its English self.
    /// </summary>
    public static ResourceManager Texts(Type marker) =>
        Managers.GetOrAdd(marker, m => new ResourceManager(m.FullName!, m.Assembly));

    /// <summary>
    /// The message as one line of text that a reason column can store and <see cref="Parse"/> read back as the same
    /// kind: the key and each value, separated by a unit separator (a character no key or checked value holds).
    /// </summary>
    /// <remarks>A value that is itself a message without values (a translated label: "Call the key client personally")
    /// is stored as that kind, not as words, so it too is read in the reader's language.</remarks>
    public string Encode() =>
        Marker + string.Join(Separator, new[] { ResourceName(Resource), Key }.Concat(Args.Select(EncodeValue)));

    /// <summary>Several messages as one stored text (a task's details: the reason, then its figures), read back by <see cref="ParseAll"/>.</summary>
    public static string EncodeAll(IEnumerable<Message> messages) => string.Concat(messages.Select(m => m.Encode()));

    /// <summary>The messages <see cref="Encode"/> or <see cref="EncodeAll"/> wrote, in order; null for any other text.</summary>
    public static IReadOnlyList<Message>? ParseAll(string? stored)
    {
        if (stored is null || !stored.StartsWith(Marker, StringComparison.Ordinal)) return null;
        var messages = new List<Message>();
        foreach (var part in stored.Split(Marker, StringSplitOptions.RemoveEmptyEntries))
        {
            if (Parse(Marker + part) is not { } message) return null;
            messages.Add(message);
        }
        return messages;
    }

    private static string ResourceName(Type resource) => resource == typeof(ValidationText) ? "" : resource.FullName!;

    private static Type? ResourceOf(string name) => name.Length == 0 ? typeof(ValidationText) : typeof(Message).Assembly.GetType(name);

    private static string EncodeValue(object? value) => value switch
    {
        Message { Args.Count: 0 } label => Label + ResourceName(label.Resource) + Label + label.Key,
        Message => throw new InvalidOperationException("A stored message's values may be labels (messages without values), not messages with values of their own."),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    private static object? DecodeValue(string value)
    {
        if (!value.StartsWith(Label)) return value;
        var parts = value[1..].Split(Label, 2);
        return parts.Length == 2 && ResourceOf(parts[0]) is { } resource ? new Message(resource, parts[1], []) : value;
    }

    /// <summary>A message <see cref="Encode"/> wrote, or null for any other text.</summary>
    public static Message? Parse(string? stored)
    {
        if (stored is null || !stored.StartsWith(Marker, StringComparison.Ordinal)) return null;
        var parts = stored[Marker.Length..].Split(Separator);
        if (parts.Length < 2) return null;
        var resource = ResourceOf(parts[0]);
        return resource is null ? null : new Message(resource, parts[1], [.. parts[2..].Select(DecodeValue)]);
    }

    /// <summary>The resource of <see cref="Worded"/> texts: none, they are already in the reader's language.</summary>
    private sealed class AlreadyWorded;

    private const string Marker = "\u001E";
    private const char Separator = '\u001F';
    // Before a value that is a label: the label's resource and key, separated by the same character.
    private const char Label = '\u001D';
}
