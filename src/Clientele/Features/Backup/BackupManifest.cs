using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clientele.Features.Backup;

/// <summary>One table's file in the archive: how many rows it holds and the SHA-256 of its bytes (hex, lower case).</summary>
public sealed record BackupTableEntry(string Name, string File, long Rows, string Sha256, IReadOnlyList<string> Columns);

/// <summary>
/// manifest.json of a backup archive. <see cref="Migration"/> is the last applied migration's name without its
/// timestamp (e.g. "AuditAppendOnly"): the two providers' migrations share names but not timestamps, so the name is
/// what says which schema the rows fit, whichever database they came from.
/// </summary>
public sealed record BackupManifest(
    int FormatVersion, string AppVersion, string Provider, string Migration, string MigrationId, DateTime CreatedAt,
    IReadOnlyList<BackupTableEntry> Tables)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>"20261125184116_AuditAppendOnly" → "AuditAppendOnly".</summary>
    public static string NameOf(string migrationId)
    {
        var underscore = migrationId.IndexOf('_', StringComparison.Ordinal);
        return underscore < 0 ? migrationId : migrationId[(underscore + 1)..];
    }
}

/// <summary>A backup that cannot be restored, or a database it cannot be restored into: said in one sentence to the user.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>A resource key of <see cref="BackupText"/> (its English text) and its arguments, for the messages that have one.</summary>
    public string? TextKey { get; private init; }
    public object[] TextArgs { get; private init; } = [];

    public static BackupException Text(string key, params object[] args) =>
        new(string.Format(System.Globalization.CultureInfo.InvariantCulture, key, args)) { TextKey = key, TextArgs = args };

    /// <summary>The message in the reader's language where there is a resource for it.</summary>
    public string Describe(Microsoft.Extensions.Localization.IStringLocalizer<BackupText> text) => TextKey is null ? Message : text[TextKey, TextArgs].Value;
}
