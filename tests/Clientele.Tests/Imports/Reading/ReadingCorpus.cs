using System.Globalization;
using System.Text;
using Clientele.Features.Imports.Reading;
using Clientele.Infrastructure.Validation;

namespace Clientele.Tests.Imports.Reading;

/// <summary>A temp folder the reading tests write their (good and broken) files into, and helpers to read them back.</summary>
public sealed class ReadingCorpus : IDisposable
{
    static ReadingCorpus() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public string Folder { get; } = Directory.CreateTempSubdirectory("clientele-reading-").FullName;

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Write(string name, string text, Encoding encoding, bool bom = false)
    {
        var bytes = encoding.GetBytes(text);
        return Write(name, bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes); // the tests' BOMs are UTF-8 ones
    }

    public string Path_(string name) => Path.Combine(Folder, name);

    /// <summary>All rows as (line, values, row error), read through the same contract the importer uses.</summary>
    public static (IReadOnlyList<string> Header, string Description, List<(long Line, string[] Values, string? Error)> Rows) ReadAll(string path, TabularOptions? options = null)
    {
        using var reader = TabularFiles.Open(path, options);
        var rows = new List<(long, string[], string?)>();
        while (reader.Read())
            // A row's problem is a stored kind (ADR 034): read here in English, as the assertions are written.
            rows.Add((reader.Line, Enumerable.Range(0, reader.Header.Count).Select(i => reader[i]).ToArray(),
                Message.Parse(reader.RowError)?.Render(CultureInfo.InvariantCulture) ?? reader.RowError));
        Assert.Equal(1, reader.Progress, 3);
        return (reader.Header, reader.Description, rows);
    }

    /// <summary>Reading fails with this message at this line.</summary>
    public static ImportFileException Fails(string path, string message, long? line, TabularOptions? options = null)
    {
        var error = Assert.Throws<ImportFileException>(() =>
        {
            using var reader = TabularFiles.Open(path, options);
            while (reader.Read()) { }
        });
        Assert.Contains(message, error.Message);
        Assert.Equal(line, error.Line);
        return error;
    }

    public static Encoding Cp(int codePage) => Encoding.GetEncoding(codePage);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
