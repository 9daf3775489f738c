using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Clientele.Features.Audit;

/// <summary>
/// What keeps the audit chain honest against someone who holds the database but not the application's machine: the
/// chain key (HMAC-SHA256, a file outside the database, readable by the app's user only) and the anchors (the chain's
/// head, count and first keyed entry, checkpointed per database into files beside the key). ADR 014.
/// </summary>
public sealed class AuditSeal
{
    public const string KeyFileSetting = "Clientele:Audit:KeyFile";
    public const string AnchorDirectorySetting = "Clientele:Audit:AnchorDirectory";
    private const int KeyBytes = 32;

    private static readonly ConcurrentDictionary<string, AuditSeal> ByKeyFile = new(StringComparer.Ordinal);
    private readonly Lazy<byte[]> _key;
    /// <summary>Databases whose anchor file this process has seen or written: the writer checks a file once per database.</summary>
    private readonly ConcurrentDictionary<string, bool> _anchored = new(StringComparer.Ordinal);

    private AuditSeal(string keyFile, string anchorDirectory)
    {
        KeyFile = keyFile;
        AnchorDirectory = anchorDirectory;
        _key = new Lazy<byte[]>(() => LoadOrCreateKey(keyFile), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string KeyFile { get; }
    public string AnchorDirectory { get; }

    /// <summary>The key, made with restrictive permissions the first time it is needed.</summary>
    public byte[] Key => _key.Value;

    /// <summary>
    /// The seal for these settings (or the defaults under the user's local application data). One per key file and
    /// process, so the web host, the commands and their writers all use one loaded key.
    /// </summary>
    public static AuditSeal From(IConfiguration? configuration)
    {
        var keyFile = configuration?[KeyFileSetting] ?? Environment.GetEnvironmentVariable("Clientele__Audit__KeyFile");
        var anchors = configuration?[AnchorDirectorySetting] ?? Environment.GetEnvironmentVariable("Clientele__Audit__AnchorDirectory");
        keyFile = Path.GetFullPath(string.IsNullOrWhiteSpace(keyFile)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "clientele", "audit-chain.key")
            : keyFile);
        anchors = Path.GetFullPath(string.IsNullOrWhiteSpace(anchors) ? Path.Combine(Path.GetDirectoryName(keyFile)!, "audit-anchors") : anchors);
        return ByKeyFile.GetOrAdd(keyFile + "\n" + anchors, _ => new AuditSeal(keyFile, anchors));
    }

    /// <summary>The seal of the application a context was made by (its configuration), or of the environment's settings.</summary>
    public static AuditSeal Of(ClienteleDb db)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        return services?.GetService<AuditSeal>() ?? From(services?.GetService<IConfiguration>());
    }

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path)) return ReadKey(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.GetDirectoryName(path)!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".new";
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        WritePrivate(temporary, Convert.ToBase64String(key) + "\n");
        try
        {
            // Two processes starting at once: the first key in place wins and both use it.
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return ReadKey(path);
        }
    }

    private static byte[] ReadKey(string path)
    {
        var text = File.ReadAllText(path).Trim();
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The audit key file {path} is not a base64 key: restore it from your copy; the chain cannot be written or checked without it.");
        }
        if (key.Length != KeyBytes) throw new InvalidOperationException($"The audit key file {path} holds {key.Length} bytes, not {KeyBytes}: restore it from your copy.");
        return key;
    }

    /// <summary>Writes a file that only the app's user may read (0600 on Unix).</summary>
    internal static void WritePrivate(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(content);
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }

    // ---- anchors

    /// <summary>Which database a connection is: the SQLite file, or PostgreSQL's host, port and database (never the password).</summary>
    public static string DatabaseOf(DbConnection connection) => connection switch
    {
        Npgsql.NpgsqlConnection p => $"postgres://{p.Host}:{p.Port}/{p.Database}",
        _ => "sqlite:" + Path.GetFullPath(connection.DataSource),
    };

    private string AnchorPath(string database) =>
        Path.Combine(AnchorDirectory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database)))[..24] + ".json");

    public AuditAnchor? ReadAnchor(string database)
    {
        var path = AnchorPath(database);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<AuditAnchor>(File.ReadAllText(path), JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The audit anchor {path} cannot be read ({e.Message}).", e);
        }
    }

    /// <summary>Replaces the database's anchor (write beside it, then move over: a crash leaves the old one whole).</summary>
    public void WriteAnchor(AuditAnchor anchor)
    {
        Directory.CreateDirectory(AnchorDirectory);
        var path = AnchorPath(anchor.Database);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".new";
        WritePrivate(temporary, JsonSerializer.Serialize(anchor, JsonSerializerOptions.Web));
        File.Move(temporary, path, overwrite: true);
        _anchored[anchor.Database] = true;
    }

    /// <summary>
    /// Called by the writer under the chain lock before it appends keyed entries: the first time a database is written
    /// with the key, the anchor records where the keyed chain starts (entries before it are the unkeyed ones of an
    /// older version) and the head at that moment. An existing anchor is left as it is.
    /// </summary>
    internal async Task EnsureAnchoredAsync(DbConnection connection, DbTransaction transaction, (long Id, string Hash) last, DateTime at, CancellationToken ct)
    {
        var database = DatabaseOf(connection);
        if (_anchored.ContainsKey(database)) return;
        if (File.Exists(AnchorPath(database)))
        {
            _anchored[database] = true;
            return;
        }
        long entries;
        long? first;
        await using (var count = AuditWriter.Command(connection, transaction, """SELECT COUNT(*), MIN("Id") FROM "AuditEntries" """))
        await using (var reader = await count.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            entries = reader.GetInt64(0);
            first = reader.IsDBNull(1) ? null : reader.GetInt64(1);
        }
        WriteAnchor(new AuditAnchor(database, at, await KeyedFromAsync(connection, transaction, first, last.Id, ct), last.Id, last.Hash, entries, first));
    }

    /// <summary>
    /// Where the keyed run of an unanchored chain starts: a database restored from a backup or copied is keyed already
    /// (all of it, or after an older version's unkeyed entries), and that part must not be taken for unkeyed later.
    /// Keyed entries are a suffix of the chain, so a binary search over the ids reads a few dozen entries at most.
    /// </summary>
    private async Task<long> KeyedFromAsync(DbConnection connection, DbTransaction transaction, long? first, long last, CancellationToken ct)
    {
        if (first is not { } low) return last + 1;
        var high = last + 1;
        while (low < high)
        {
            var middle = low + (high - low) / 2;
            if (await AuditVerifier.IsKeyedAsync(connection, transaction, Key, middle, ct)) high = middle;
            else low = middle + 1;
        }
        return low;
    }
}

/// <summary>
/// A checkpoint of one database's chain, kept outside it. <see cref="KeyedFrom"/>: the first entry written with the key
/// (every later one must be keyed); <see cref="HeadId"/>/<see cref="HeadHash"/>: the last entry when anchored (0 and
/// the genesis hash for an empty trail); <see cref="Count"/> the entries then held, from <see cref="FirstId"/>.
/// </summary>
public sealed record AuditAnchor(string Database, DateTime At, long KeyedFrom, long HeadId, string HeadHash, long Count, long? FirstId);
