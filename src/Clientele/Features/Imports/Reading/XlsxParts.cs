using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Clientele.Features.Imports.Reading;

/// <summary>The small parts of a workbook read before its rows: sheet list, shared strings and which styles are dates.</summary>
public static class XlsxParts
{
    public sealed record SheetInfo(string Name, string Path);

    public static List<SheetInfo> Sheets(XlsxPackage package, string workbookPath)
    {
        var folder = workbookPath.Contains('/') ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var relsPath = $"{folder}_rels/{workbookPath[folder.Length..]}.rels";
        var targets = package.Relationships(relsPath, folder).ToDictionary(r => r.Id, r => r.Target);
        var sheets = new List<SheetInfo>();
        using var reader = Reader(package, workbookPath);
        while (reader.Read())
        {
            if (!reader.IsStartElement || reader.ElementType != typeof(Sheet)) continue;
            var name = Attribute(reader, "name") ?? $"Sheet{sheets.Count + 1}";
            var id = Attribute(reader, "id");
            if (id is not null && targets.TryGetValue(id, out var target)) sheets.Add(new SheetInfo(name, target));
        }
        return sheets;
    }

    public static string? PartOfType(XlsxPackage package, string workbookPath, string typeSuffix)
    {
        var folder = workbookPath.Contains('/') ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var relsPath = $"{folder}_rels/{workbookPath[folder.Length..]}.rels";
        return package.Relationships(relsPath, folder).FirstOrDefault(r => r.Type.EndsWith(typeSuffix, StringComparison.Ordinal)).Target;
    }

    /// <summary>All shared strings; a sheet refers to them by index, so they must be at hand (bounded by the unpack limit).</summary>
    public static List<string> SharedStrings(XlsxPackage package, string? path)
    {
        var strings = new List<string>();
        if (path is null) return strings;
        using var reader = Reader(package, path);
        var text = new System.Text.StringBuilder();
        while (reader.Read())
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
                strings.Add(ReadRichText(reader, typeof(SharedStringItem), text));
        return strings;
    }

    /// <summary>
    /// From the start of a string item (shared &lt;si&gt; or inline &lt;is&gt;) to its end: the text of its &lt;t&gt;
    /// elements, plain or in rich-text runs, without the phonetic hints (&lt;rPh&gt;). Streamed, no DOM per cell.
    /// </summary>
    public static string ReadRichText(OpenXmlReader reader, Type container, System.Text.StringBuilder text)
    {
        text.Clear();
        var phonetic = false;
        while (reader.Read())
        {
            if (reader.ElementType == container && reader.IsEndElement) break;
            if (reader.ElementType == typeof(PhoneticRun)) phonetic = reader.IsStartElement;
            else if (!phonetic && reader.IsStartElement && reader.ElementType == typeof(Text)) text.Append(reader.GetText());
        }
        return text.ToString();
    }

    public enum DateStyle : byte { None, Date, DateTime, Time }

    /// <summary>For each cell style index (the s attribute), whether its number format shows a date or time.</summary>
    public static DateStyle[] DateStyles(XlsxPackage package, string? path)
    {
        if (path is null) return [];
        var custom = new Dictionary<uint, string>();
        var styles = new List<uint>();
        using var reader = Reader(package, path);
        var inCellFormats = false;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(CellFormats)) inCellFormats = reader.IsStartElement;
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(NumberingFormat)
                && uint.TryParse(Attribute(reader, "numFmtId"), out var id))
                custom[id] = Attribute(reader, "formatCode") ?? "";
            else if (inCellFormats && reader.ElementType == typeof(CellFormat))
                styles.Add(uint.TryParse(Attribute(reader, "numFmtId"), out var format) ? format : 0);
        }
        return [.. styles.Select(format => custom.TryGetValue(format, out var code) ? StyleOf(code) : BuiltIn(format))];
    }

    private static DateStyle BuiltIn(uint id) => id switch
    {
        >= 14 and <= 17 or >= 27 and <= 36 or >= 50 and <= 58 => DateStyle.Date,
        22 => DateStyle.DateTime,
        >= 18 and <= 21 or >= 45 and <= 47 => DateStyle.Time,
        _ => DateStyle.None,
    };

    /// <summary>A custom format is a date if, outside quoted text, escapes and [colour]/[$locale] brackets, it has d, m, y, h or s.</summary>
    public static DateStyle StyleOf(string code)
    {
        var section = code.Split(';')[0];
        bool date = false, time = false, month = false;
        for (var i = 0; i < section.Length; i++)
        {
            var ch = char.ToLowerInvariant(section[i]);
            if (ch == '"') { i = section.IndexOf('"', i + 1) is var close and >= 0 ? close : section.Length; continue; }
            if (ch is '\\' or '_' or '*') { i++; continue; }
            if (ch == '[')
            {
                var close = section.IndexOf(']', i);
                var inside = close > i ? section[(i + 1)..close].ToLowerInvariant() : "";
                // [h]:mm and [mm]:ss are elapsed times; anything else in brackets is colour, locale or condition.
                if (inside.Length > 0 && inside.All(c => c is 'h' or 'm' or 's')) time = true;
                i = close < 0 ? section.Length : close;
                continue;
            }
            if (ch is 'd' or 'y') date = true;
            else if (ch is 'h' or 's') time = true;
            else if (ch == 'm') month = true;
        }
        date |= month && !time;
        return (date, time) switch
        {
            (true, true) => DateStyle.DateTime,
            (true, false) => DateStyle.Date,
            (false, true) => DateStyle.Time,
            _ => DateStyle.None,
        };
    }

    public static OpenXmlReader Reader(XlsxPackage package, string path)
    {
        var stream = package.OpenPart(path) ?? throw new ImportFileException(Message.Of<ReadingText>("the workbook lacks its part {0}; save the file again as .xlsx", path));
        try
        {
            return new SpreadsheetDocumentPartReader(stream, new OpenXmlPartReaderOptions { CloseStream = true });
        }
        catch (XmlException e)
        {
            stream.Dispose();
            throw new ImportFileException(Message.Of<ReadingText>("the workbook's part {0} is not valid XML: {1}", path, e.Message));
        }
    }

    public static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (var attribute in reader.Attributes)
            if (attribute.LocalName == localName) return attribute.Value;
        return null;
    }
}
