using System.Security.Cryptography;
using Clientele.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Clientele.Features.Backup;

/// <summary>
/// The backups the application takes by itself (before an upgrade, ADR 017): where they go and the key they are
/// encrypted with. The key is a random passphrase in a file of its own (0600, made on first use), so an automatic
/// backup needs nobody at the keyboard and restores with the ordinary
/// <c>clientele restore FILE --db NEW --passphrase-stdin &lt; KEYFILE</c>.
/// </summary>
public sealed record AutomaticBackups(string Directory, string KeyFile)
{
    public const string DirectorySetting = "Clientele:Backup:Directory";
    public const string KeyFileSetting = "Clientele:Backup:KeyFile";
    private const int KeyBytes = 32;

    /// <summary>The settings of the application a context was made by, else the environment's, else the defaults beside the audit key.</summary>
    public static AutomaticBackups Of(ClienteleDb db)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        var configuration = services?.GetService<IConfiguration>();
        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "clientele");
        var directory = configuration?[DirectorySetting] ?? Environment.GetEnvironmentVariable("Clientele__Backup__Directory");
        var keyFile = configuration?[KeyFileSetting] ?? Environment.GetEnvironmentVariable("Clientele__Backup__KeyFile");
        return new AutomaticBackups(
            Path.GetFullPath(string.IsNullOrWhiteSpace(directory) ? Path.Combine(home, "backups") : directory),
            Path.GetFullPath(string.IsNullOrWhiteSpace(keyFile) ? Path.Combine(home, "backup.key") : keyFile));
    }

    /// <summary>The passphrase in the key file, made (random, 0600 in a 0700 directory) the first time it is needed.</summary>
    public string Passphrase()
    {
        if (!File.Exists(KeyFile))
        {
            var directory = Path.GetDirectoryName(KeyFile)!;
            System.IO.Directory.CreateDirectory(directory);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var temporary = KeyFile + "." + Guid.NewGuid().ToString("N") + ".new";
            AuditSeal.WritePrivate(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)) + "\n");
            try
            {
                File.Move(temporary, KeyFile, overwrite: false);
            }
            catch (IOException) when (File.Exists(KeyFile))
            {
                // Two processes starting at once: the first key in place wins.
                File.Delete(temporary);
            }
        }
        var passphrase = File.ReadAllText(KeyFile).Trim();
        if (BackupEncryption.PassphraseProblem(passphrase) is not null)
            throw new BackupException($"the backup key file {KeyFile} does not hold a usable key: restore it from your copy, or move it away to have a new one made.");
        return passphrase;
    }

    /// <summary>Which database a file belongs to: one directory may serve several bases, each lists and prunes only its own.</summary>
    public static string DatabaseTag(ClienteleDb db) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AuditSeal.DatabaseOf(db.Database.GetDbConnection()))))[..8];

    /// <summary>This database's automatic backups, newest first (by the time each was written).</summary>
    public IReadOnlyList<FileInfo> List(ClienteleDb db)
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        var tag = "-" + DatabaseTag(db) + "-";
        return [.. new DirectoryInfo(Directory).EnumerateFiles("clientele-*.clientele-backup")
            .Where(f => f.Name.Contains(tag, StringComparison.Ordinal) && IsName(f.Name))
            .OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>This database's automatic backup of that name, or null: a name is never a path.</summary>
    public FileInfo? Find(ClienteleDb db, string name) =>
        IsName(name) ? List(db).FirstOrDefault(f => f.Name == name) : null;

    /// <summary>Deletes this database's <paramref name="label"/> backups beyond the newest <paramref name="keep"/>; returns how many.</summary>
    public int Prune(ClienteleDb db, string label, int keep)
    {
        var old = List(db).Where(f => f.Name.StartsWith($"clientele-{label}-", StringComparison.Ordinal)).Skip(Math.Max(1, keep)).ToList();
        foreach (var file in old) file.Delete();
        return old.Count;
    }

    private static bool IsName(string name) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "^clientele-[a-z]+(-[a-z]+)*-[0-9a-f]{8}-[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\\.clientele-backup$");

    /// <summary>
    /// Writes an encrypted backup of the database as it is now, whatever its schema: the tables and columns the
    /// database has (an older schema lacks some of the model's), named <c>clientele-{label}-{time}.clientele-backup</c>.
    /// </summary>
    public async Task<string> WriteAsync(ClienteleDb db, string label, CancellationToken ct)
    {
        var passphrase = Passphrase();
        System.IO.Directory.CreateDirectory(Directory);
        var now = db.UtcNow;
        var path = Path.Combine(Directory, $"clientele-{label}-{DatabaseTag(db)}-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}.clientele-backup");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            await using var file = new FileStream(path, options);
            await using (var encrypting = BackupEncryption.Encrypt(file, passphrase))
                await BackupWriter.WriteAsync(db, encrypting, now, ct, await BackupSchema.PresentAsync(db, ct));
            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return path;
    }
}
