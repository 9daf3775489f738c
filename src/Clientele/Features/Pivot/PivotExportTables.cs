using Clientele.Analytics.Pivot;
using Clientele.Features.Exports.Formats;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Pivot;

/// <summary>The facts sheet and the pivot sheet of a pivot export, with headers in the user's language.</summary>
public static class PivotExportTables
{
    public static (ExportTable Data, ExportTable Pivot) Build(List<PivotFact> facts, PivotResult pivot, PivotQuery query, IStringLocalizer l)
    {
        var dims = query.Dimensions;
        var columns = new List<ExportColumn> { new(l["Client id"], ExportType.Integer) };
        columns.AddRange(dims.Select(d => new ExportColumn(l[DimensionLabel(d)], ExportType.Text)));
        columns.Add(new ExportColumn(l["Revenue"], ExportType.Money));
        columns.Add(new ExportColumn(l["Gross margin"], ExportType.Money));
        columns.Add(new ExportColumn(l["Contribution"], ExportType.Money));
        columns.Add(new ExportColumn(l["Purchases"], ExportType.Integer));
        var rows = facts.Select(f => (object?[])[f.ClientId, .. f.Keys.Select((k, i) => (object?)Value(l, dims[i], k)), f.Revenue, f.Margin, f.Contribution, f.Purchases]);
        // A client list (a row per client and month): counted, held over the limit, and given canaries like its neighbours.
        var data = new ExportTable(l["Data"], columns, rows) { Clients = new ClientRows(IdColumn: 0, NameColumn: -1) };
        var translated = pivot with
        {
            RowKeys = [.. pivot.RowKeys.Select(key => key.Select((k, i) => Value(l, query.Rows[i], k)).ToArray())],
            ColumnKeys = [.. pivot.ColumnKeys.Select(key => key.Select((k, i) => Value(l, query.Columns[i], k)).ToArray())],
        };
        var sheet = translated.ToExportTable(l["Pivot table"], [.. query.Rows.Select(d => (string)l[DimensionLabel(d)])], l[MeasureLabel(query.Measure)], l["Total"]);
        return (data, sheet);
    }

    /// <summary>Codes of enums (role, segment) in the user's language; names, regions and months as they are.</summary>
    public static string Value(IStringLocalizer l, PivotDimension d, string key)
    {
        if (key.Length == 0) return "—";
        var resource = d switch { PivotDimension.Role => $"ClientRole.{key}", PivotDimension.Segment => $"RfmSegment.{key}", _ => null };
        if (resource is null) return key;
        var text = l[resource];
        return text.ResourceNotFound ? key : text.Value;
    }

    public static string DimensionLabel(PivotDimension d) => d switch
    {
        PivotDimension.Manager => "Manager",
        PivotDimension.Channel => "Channel",
        PivotDimension.Segment => "RFM segment",
        PivotDimension.Abc => "ABC class",
        PivotDimension.Group => "Group",
        PivotDimension.Region => "Region",
        PivotDimension.Role => "Role",
        PivotDimension.Category => "Product category",
        PivotDimension.Month => "Month",
        PivotDimension.Quarter => "Quarter",
        _ => "Year",
    };

    public static string MeasureLabel(PivotMeasure m) => m switch
    {
        PivotMeasure.Revenue => "Revenue",
        PivotMeasure.Margin => "Gross margin",
        PivotMeasure.Contribution => "Contribution",
        PivotMeasure.Clients => "Clients",
        _ => "Purchases",
    };
}
