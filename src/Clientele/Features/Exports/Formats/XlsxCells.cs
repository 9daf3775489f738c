using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Clientele.Features.Exports.Formats;

/// <summary>
/// Writes rows and cells through one <see cref="OpenXmlWriter"/>, reusing its element templates and attribute list:
/// a hundred thousand rows should cost strings, not a million element objects.
/// </summary>
internal sealed class XlsxCells(OpenXmlWriter xml, int columnCount)
{
    // Excel refuses a cell longer than this; it reports the whole file as damaged rather than cut the text.
    private const int MaxCellText = 32767;
    private const int MaxLines = 8;
    private static readonly DateOnly FirstSerialDay = new(1900, 1, 1);
    private static readonly DateOnly SerialZero = new(1899, 12, 30);

    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly CellValue _value = new();
    private readonly InlineString _inline = new();
    private readonly Text _text = new();
    private readonly List<OpenXmlAttribute> _attributes = new(3);
    private readonly string[] _letters = [.. Enumerable.Range(0, columnCount).Select(Letters)];
    private string _rowNumber = "";
    private bool _totals;

    public static string Letters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <param name="lines">The most lines of text in one of its cells.</param>
    public void StartRow(int number, bool totals = false, int lines = 1)
    {
        _totals = totals;
        _rowNumber = number.ToString(CultureInfo.InvariantCulture);
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", "", _rowNumber));
        if (lines > 1)
        {
            // LibreOffice opens wrapped text at the default height, showing its first line only, so the row says its
            // height: the default 15 points a line, up to a few lines, past which the cell is there to be opened.
            _attributes.Add(new OpenXmlAttribute("ht", "", (15 * Math.Min(lines, MaxLines)).ToString(CultureInfo.InvariantCulture)));
            _attributes.Add(new OpenXmlAttribute("customHeight", "", "1"));
        }
        xml.WriteStartElement(_row, _attributes);
    }

    public static int Lines(object?[] row)
    {
        var lines = 1;
        foreach (var value in row)
            if (value is string text && text.Contains('\n')) lines = Math.Max(lines, text.AsSpan().Count('\n') + 1);
        return lines;
    }

    public void EndRow() => xml.WriteEndElement();

    public void Value(int column, object? value, ExportType type)
    {
        var numeric = type is ExportType.Integer or ExportType.Decimal or ExportType.Money or ExportType.Percent;
        var dated = type is ExportType.Date or ExportType.DateTime;
        switch (value)
        {
            case null:
            case double d when !double.IsFinite(d):
                return;
            case string text:
                Text(column, text, text.Contains('\n') ? XlsxStyles.WrappedText : XlsxStyles.General);
                return;
            case DateOnly date when dated && date >= FirstSerialDay:
                Number(column, (date.DayNumber - SerialZero.DayNumber).ToString(CultureInfo.InvariantCulture), XlsxStyles.For(type));
                return;
            case DateTime time when dated && DateOnly.FromDateTime(time) >= FirstSerialDay:
                Number(column, time.ToOADate().ToString("R", CultureInfo.InvariantCulture), XlsxStyles.For(type));
                return;
            case DateOnly date:
                Text(column, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), XlsxStyles.General);
                return;
            case DateTime time:
                Text(column, time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), XlsxStyles.General);
                return;
            case decimal or long or int or short or byte or double or float when numeric:
                Number(column, ((IFormattable)value).ToString(value is double or float ? "R" : null, CultureInfo.InvariantCulture), XlsxStyles.For(type));
                return;
            default:
                Text(column, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", XlsxStyles.General);
                return;
        }
    }

    public void Text(int column, string text, uint style)
    {
        text = Clean(text);
        if (style is XlsxStyles.General or XlsxStyles.WrappedText && FormulaGuard.LooksLikeFormula(text)) style = XlsxStyles.QuotedText;
        Start(column, style, "inlineStr");
        xml.WriteStartElement(_inline);
        _attributes.Clear();
        // Without it a reader may drop leading and trailing spaces that are part of the value.
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
            _attributes.Add(new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve"));
        xml.WriteStartElement(_text, _attributes);
        xml.WriteString(text);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void Number(int column, string invariantValue, uint style)
    {
        Start(column, style, null);
        xml.WriteStartElement(_value);
        xml.WriteString(invariantValue);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void Start(int column, uint style, string? type)
    {
        _attributes.Clear();
        _attributes.Add(new OpenXmlAttribute("r", "", string.Concat(_letters[column], _rowNumber)));
        if (_totals) style = XlsxStyles.Total(style);
        if (style != XlsxStyles.General) _attributes.Add(new OpenXmlAttribute("s", "", style.ToString(CultureInfo.InvariantCulture)));
        if (type is not null) _attributes.Add(new OpenXmlAttribute("t", "", type));
        xml.WriteStartElement(_cell, _attributes);
    }

    /// <summary>
    /// Drops the characters XML cannot carry (control characters other than tab and newlines, lone surrogates) — they
    /// would make the writer throw halfway through the file — and cuts the text to what Excel accepts.
    /// </summary>
    private static string Clean(string text)
    {
        var valid = true;
        for (var i = 0; i < text.Length && valid; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) i++;
            else valid = false;
        }
        if (!valid)
        {
            var kept = new StringBuilder(text.Length);
            for (var i = 0; i < text.Length; i++)
            {
                if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
                else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) kept.Append(text, i++, 2);
            }
            text = kept.ToString();
        }
        if (text.Length <= MaxCellText) return text;
        var cut = char.IsHighSurrogate(text[MaxCellText - 1]) ? MaxCellText - 1 : MaxCellText;
        return text[..cut];
    }
}
