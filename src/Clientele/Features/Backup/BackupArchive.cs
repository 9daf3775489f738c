using System.IO.Compression;
using System.Text.Json;

namespace Clientele.Features.Backup;

/// <summary>
/// An archive opened for restoring: the manifest read and every table file checked against it (present, its row
/// count and SHA-256) before the database is touched, so a broken archive fails with a clear message and no change.
/// </summary>
public sealed class BackupArchive : IDisposable
{
    private readonly ZipArchive _zip;

    private BackupArchive(ZipArchive zip, BackupManifest manifest)
    {
        _zip = zip;
        Manifest = manifest;
    }

    public BackupManifest Manifest { get; }

    /// <summary>
    /// Opens an encrypted backup with its passphrase, or with <paramref name="passphrase"/> null a plain ZIP written by a
    /// version before backups were encrypted (the caller asked for that explicitly). An encrypted archive is decrypted
    /// into a private temporary file, every chunk checked, before anything else is read.
    /// </summary>
    public static async Task<BackupArchive> OpenAsync(string path, string? passphrase, CancellationToken ct)
    {
        if (!File.Exists(path)) throw new BackupException($"{path}: no such file.");
        var encrypted = BackupEncryption.IsEncrypted(path);
        if (encrypted && string.IsNullOrEmpty(passphrase))
            throw BackupException.Text("A passphrase is required: the backup is encrypted with it, and restoring asks for it.");
        if (!encrypted && passphrase is not null) throw BackupException.Text("This file is not an encrypted Clientele backup.");
        Stream stream = encrypted ? await DecryptAsync(path, passphrase!, ct) : File.OpenRead(path);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch (InvalidDataException e)
        {
            await stream.DisposeAsync();
            throw new BackupException($"{path} is not a backup: not a ZIP archive, or a truncated one ({e.Message}).", e);
        }
        try
        {
            var archive = new BackupArchive(zip, ReadManifest(zip, path));
            await archive.CheckAsync(ct);
            return archive;
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>The decrypted ZIP in a temporary file only this user can read, deleted when closed (also on failure).</summary>
    private static async Task<Stream> DecryptAsync(string path, string passphrase, CancellationToken ct)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, BufferSize = 1 << 16,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var plain = new FileStream(Path.Combine(Path.GetTempPath(), $"clientele-restore-{Guid.NewGuid():N}.zip"), options);
        try
        {
            await using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous))
                await BackupEncryption.DecryptAsync(input, passphrase, plain, ct);
            plain.Position = 0;
            return plain;
        }
        catch
        {
            await plain.DisposeAsync();
            throw;
        }
    }

    private static BackupManifest ReadManifest(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(BackupManifest.FileName) ?? throw new BackupException($"{path} is not a backup: it has no {BackupManifest.FileName}.");
        BackupManifest? manifest;
        try
        {
            using var stream = entry.Open();
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, BackupManifest.Json);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
        {
            throw new BackupException($"{path}: {BackupManifest.FileName} cannot be read ({e.Message}).", e);
        }
        if (manifest?.Tables is null || string.IsNullOrEmpty(manifest.Migration))
            throw new BackupException($"{path}: {BackupManifest.FileName} lacks its tables or schema version.");
        if (manifest.FormatVersion > BackupManifest.CurrentFormat || manifest.FormatVersion < 1)
            throw new BackupException($"{path} is a backup of format {manifest.FormatVersion}; this Clientele ({BackupWriter.AppVersion}) reads format {BackupManifest.CurrentFormat}: restore it with a newer version.");
        return manifest;
    }

    /// <summary>Reads every table file once: a truncated entry, a changed byte or a lost row is caught here.</summary>
    private async Task CheckAsync(CancellationToken ct)
    {
        foreach (var table in Manifest.Tables)
        {
            long lines = 0;
            var hash = await ReadLinesAsync(table, _ =>
            {
                lines++;
                return ValueTask.CompletedTask;
            }, ct);
            if (hash != table.Sha256) throw new BackupException($"{table.File} is damaged: its SHA-256 differs from the manifest's.");
            if (lines != table.Rows) throw new BackupException($"{table.File} holds {lines} rows, the manifest says {table.Rows}.");
        }
    }

    /// <summary>Calls <paramref name="line"/> for each line of the table's file and returns the file's SHA-256.</summary>
    public async Task<string> ReadLinesAsync(BackupTableEntry table, Func<string, ValueTask> line, CancellationToken ct)
    {
        var entry = _zip.GetEntry(table.File) ?? throw new BackupException($"the archive lacks {table.File}, which its manifest lists.");
        try
        {
            using var stream = entry.Open();
            using var hashing = new HashingStream(stream, writing: false);
            using var reader = new StreamReader(hashing, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), false, 1 << 16);
            while (await reader.ReadLineAsync(ct) is { } text) await line(text);
            return hashing.Finish();
        }
        catch (InvalidDataException e)
        {
            throw new BackupException($"{table.File} is damaged or truncated ({e.Message}).", e);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new BackupException($"{table.File} is not UTF-8 text ({e.Message}).", e);
        }
    }

    public void Dispose() => _zip.Dispose();
}
