namespace Clientele.Features.Imports;

/// <summary>
/// Keeps uploaded files where a queued or resumed job finds them: a folder beside the app's data, one file per upload
/// under a random name (the user's file name is only kept on the job, so it never becomes a path).
/// </summary>
public static class ImportUploads
{
    public const string FolderVariable = "CLIENTELE_IMPORTS";
    /// <summary>What a page upload may be: 1,000,000 client rows with contacts are about 150 MB of CSV.</summary>
    public const long MaxPageUploadBytes = 512L * 1024 * 1024;

    public static string Folder =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "clientele", "imports");

    /// <summary>Copies <paramref name="content"/> to a new file and returns its path; a failed copy leaves no file.</summary>
    public static Task<string> SaveAsync(Stream content, string fileName, DateTime nowUtc, CancellationToken ct) => SaveAsync(content, fileName, nowUtc, null, ct);

    /// <param name="copied">Told the bytes copied so far, for the page's upload bar.</param>
    public static async Task<string> SaveAsync(Stream content, string fileName, DateTime nowUtc, Action<long>? copied, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var extension = Path.GetExtension(fileName);
        if (extension.Length > 10 || extension.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '.')) extension = "";
        var path = Path.Combine(Folder, $"{nowUtc:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}{extension.ToLowerInvariant()}");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
                total += read;
                copied?.Invoke(total);
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return path;
    }

    /// <summary>Deletes a stored upload; a path outside the upload folder (the command line's own file) is left alone.</summary>
    public static void Discard(string path)
    {
        var folder = Path.GetFullPath(Folder) + Path.DirectorySeparatorChar;
        if (!Path.GetFullPath(path).StartsWith(folder, StringComparison.Ordinal)) return;
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A copy that cannot be deleted now is only disk space; the import itself is done.
        }
    }
}
