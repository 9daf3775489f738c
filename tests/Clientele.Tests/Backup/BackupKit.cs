using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Clientele.Data;
using Clientele.Features.Backup;
using Clientele.Infrastructure.Cli;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Backup;

/// <summary>Helpers of the backup tests: restoring through the library, counting rows, rewriting archives, comparing API answers.</summary>
public static class BackupKit
{
    /// <summary>The passphrase the tests' backups are written with.</summary>
    public const string Passphrase = "correct horse battery staple";

    public static async Task<RestoreSummary> RestoreAsync(DatabaseTarget target, string archive, string passphrase = Passphrase)
    {
        await using var services = CommandServices.Open(target);
        return await BackupRestore.RestoreAsync(services.Db, archive, passphrase, CancellationToken.None);
    }

    /// <summary>The ZIP inside an encrypted backup, in a new temporary file.</summary>
    public static string Decrypted(string archive, string passphrase = Passphrase)
    {
        var plain = Path.Combine(Path.GetTempPath(), $"clientele-backup-test-{Guid.NewGuid():N}.zip");
        using (var input = File.OpenRead(archive))
        using (var output = File.Create(plain))
            BackupEncryption.DecryptAsync(input, passphrase, output, CancellationToken.None).GetAwaiter().GetResult();
        return plain;
    }

    /// <summary>A plain ZIP encrypted as the app does, as someone holding the passphrase could make it.</summary>
    public static string Encrypted(string plain, string passphrase = Passphrase)
    {
        var archive = Path.Combine(Path.GetTempPath(), $"clientele-backup-test-{Guid.NewGuid():N}.clientele-backup");
        using (var output = File.Create(archive))
        using (var encrypting = BackupEncryption.Encrypt(output, passphrase))
        using (var input = File.OpenRead(plain))
            input.CopyTo(encrypting);
        File.Delete(plain);
        return archive;
    }

    /// <summary>Every model table's row count.</summary>
    public static async Task<Dictionary<string, long>> CountsAsync(DatabaseTarget target)
    {
        await using var services = CommandServices.Open(target);
        var db = services.Db;
        var counts = new Dictionary<string, long>();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in BackupSchema.Tables(db))
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = $"SELECT COUNT(*) FROM {BackupSchema.Quote(table.Name)}";
                counts[table.Name] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return counts;
    }

    public static async Task<int> AppliedMigrationsAsync(DatabaseTarget target)
    {
        await using var services = CommandServices.Open(target);
        return (await services.Db.Database.GetAppliedMigrationsAsync()).Count();
    }

    public static async Task<long> ClientCountAsync(DatabaseTarget target)
    {
        await using var services = CommandServices.Open(target);
        return await services.Db.Clients.IgnoreQueryFilters().LongCountAsync();
    }

    /// <summary>
    /// A copy of the encrypted archive with its entries passed through <paramref name="change"/> (name, bytes) → bytes or
    /// null to drop, encrypted again with the passphrase: what the archive's own checks must still catch.
    /// </summary>
    public static string Rewrite(string archive, Func<string, byte[], byte[]?> change)
    {
        var plain = Decrypted(archive);
        var copy = Path.Combine(Path.GetTempPath(), $"clientele-backup-test-{Guid.NewGuid():N}.zip");
        using (var source = ZipFile.OpenRead(plain))
        using (var target = ZipFile.Open(copy, ZipArchiveMode.Create))
            foreach (var entry in source.Entries)
            {
                using var input = entry.Open();
                var bytes = new MemoryStream();
                input.CopyTo(bytes);
                if (change(entry.FullName, bytes.ToArray()) is not { } changed) continue;
                using var output = target.CreateEntry(entry.FullName).Open();
                output.Write(changed);
            }
        File.Delete(plain);
        return Encrypted(copy);
    }

    /// <summary>The manifest with one table's rows and hash set to those of <paramref name="file"/>'s new bytes.</summary>
    public static byte[] ManifestFor(byte[] manifest, string file, byte[] bytes)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(manifest)!;
        foreach (var table in node["tables"]!.AsArray())
        {
            if ((string?)table!["file"] != file) continue;
            table["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            table["rows"] = Encoding.UTF8.GetString(bytes).Count(c => c == '\n');
        }
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    /// <summary>
    /// Two API answers mean the same: equal structure and strings, numbers equal as numbers (PostgreSQL keeps a decimal's
    /// scale, SQLite its text), times equal to the microsecond (PostgreSQL's precision).
    /// </summary>
    public static void AssertSame(JsonElement expected, JsonElement actual, string path = "$")
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} vs {actual.ValueKind}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).ToList();
                Assert.Equal(names, actual.EnumerateObject().Select(p => p.Name).ToList());
                foreach (var name in names) AssertSame(expected.GetProperty(name), actual.GetProperty(name), path + "." + name);
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: {expected.GetArrayLength()} vs {actual.GetArrayLength()} items");
                for (var i = 0; i < expected.GetArrayLength(); i++) AssertSame(expected[i], actual[i], $"{path}[{i}]");
                break;
            case JsonValueKind.Number:
                var (e, f) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(expected.GetRawText() == actual.GetRawText() || Math.Abs(e - f) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{path}: {expected} vs {actual}");
                break;
            case JsonValueKind.String:
                var (a, b) = (expected.GetString()!, actual.GetString()!);
                if (a != b && DateTime.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var x)
                    && DateTime.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var y))
                    Assert.True(x.Ticks / 10 == y.Ticks / 10, $"{path}: {a} vs {b}");
                else Assert.True(a == b, $"{path}: '{a}' vs '{b}'");
                break;
            default:
                Assert.Equal(expected.GetRawText(), actual.GetRawText());
                break;
        }
    }
}
