using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Clientele.Features.Exports.Formats;

/// <summary>
/// Writes an .xlsx workbook: the data on the first sheet, the pivot (when given) on the second.
/// </summary>
/// <remarks>
/// The package is written by System.IO.Packaging in write-only mode, which streams each part into the zip as it is
/// written and so works on a response body that cannot seek. The SDK's <c>SpreadsheetDocument</c> cannot open a
/// write-only package, and in read-write mode keeps every part uncompressed in memory until it closes, so only its
/// XML vocabulary and <see cref="OpenXmlWriter"/> are used here. Parts are written one after the other (a zip
/// being written takes one entry at a time): sheets first, so the workbook can name each sheet's filter range.
/// </remarks>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private const string SpreadsheetTypes = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    /// <param name="exportId">The export's id, written as the document's identifier (cp:identifier, shown by Excel as a
    /// property of the file): the watermark that survives copying the file, though not retyping its rows.</param>
    public static void Write(Stream output, ExportTable data, ExportTable? pivot = null, CancellationToken cancellationToken = default, string? exportId = null)
    {
        ExportTable[] tables = pivot is null ? [data] : [data, pivot];
        var names = SheetNames.For(tables.Select(t => t.Title));
        using var package = Package.Open(output, FileMode.Create, FileAccess.Write);
        package.PackageProperties.Title = data.Title;
        package.PackageProperties.Creator = "Clientele";
        if (exportId is not null) package.PackageProperties.Identifier = exportId;

        var filteredRows = new int[tables.Length];
        for (var i = 0; i < tables.Length; i++)
        {
            using var sheet = NewPart(package, $"/xl/worksheets/sheet{i + 1}.xml", "worksheet+xml");
            filteredRows[i] = XlsxSheet.Write(sheet, tables[i], selected: i == 0, cancellationToken);
        }
        using (var styles = NewPart(package, "/xl/styles.xml", "styles+xml"))
            WriteElement(styles, XlsxStyles.Build());

        var workbookUri = new Uri("/xl/workbook.xml", UriKind.Relative);
        var workbook = package.CreatePart(workbookUri, SpreadsheetTypes + "sheet.main+xml", CompressionOption.Normal);
        package.CreateRelationship(workbookUri, TargetMode.Internal, Relationships + "officeDocument", "rId1");
        for (var i = 0; i < tables.Length; i++)
            workbook.CreateRelationship(new Uri($"worksheets/sheet{i + 1}.xml", UriKind.Relative), TargetMode.Internal, Relationships + "worksheet", SheetRelationship(i));
        workbook.CreateRelationship(new Uri("styles.xml", UriKind.Relative), TargetMode.Internal, Relationships + "styles", "rIdStyles");
        using var workbookStream = workbook.GetStream(FileMode.Create, FileAccess.Write);
        WriteElement(workbookStream, Workbook(tables, names, filteredRows));
    }

    private static Workbook Workbook(ExportTable[] tables, string[] names, int[] filteredRows)
    {
        var sheets = new Sheets();
        // Excel keeps each sheet's filter range as this hidden name; LibreOffice reads its filters from it too.
        var filters = new DefinedNames();
        for (var i = 0; i < tables.Length; i++)
        {
            sheets.Append(new Sheet { Name = names[i], SheetId = (uint)(i + 1), Id = SheetRelationship(i) });
            if (tables[i].Columns.Count == 0) continue;
            var quoted = "'" + names[i].Replace("'", "''", StringComparison.Ordinal) + "'";
            filters.Append(new DefinedName($"{quoted}!{XlsxSheet.FilterRange(tables[i].Columns.Count, filteredRows[i], absolute: true)}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true,
            });
        }
        var workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets);
        if (filters.HasChildren) workbook.Append(filters);
        return workbook;
    }

    private static string SheetRelationship(int index) => $"rIdSheet{index + 1}";

    private static Stream NewPart(Package package, string uri, string type) =>
        package.CreatePart(new Uri(uri, UriKind.Relative), SpreadsheetTypes + type, CompressionOption.Normal)
            .GetStream(FileMode.Create, FileAccess.Write);

    private static void WriteElement(Stream part, OpenXmlElement element)
    {
        using var xml = OpenXmlWriter.Create(part);
        xml.WriteElement(element);
    }
}
