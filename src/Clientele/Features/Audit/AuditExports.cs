using Clientele.Features.Exports.Formats;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Audit;

/// <summary>The owner's answers as export tables, headers in the user's language.</summary>
public static class AuditExports
{
    public static ExportTable Entries(IEnumerable<AuditEntryRow> rows, IStringLocalizer<AuditText> l) =>
        new(l["Audit trail"],
            [new(l["Entry"], ExportType.Integer), new(l["Time (UTC)"], ExportType.DateTime), new(l["Employee id"], ExportType.Integer),
             new(l["Employee"], ExportType.Text), new(l["Action"], ExportType.Text), new(l["Record"], ExportType.Text), new(l["Record id"], ExportType.Integer),
             new(l["Rows"], ExportType.Integer), new(l["Clients"], ExportType.Integer), new(l["Address"], ExportType.Text), new(l["Detail"], ExportType.Text)],
            rows.Select(r => new object?[] { r.Id, r.At, r.EmployeeId, r.EmployeeName, l[$"AuditAction.{r.Action}"].Value, r.Entity, r.EntityId, r.RowCount, r.ClientCount, r.Ip, r.Detail }));

    public static ExportTable ClientsSeen(IEnumerable<ClientSeenRow> rows, IStringLocalizer<AuditText> l) =>
        new(l["Clients seen"],
            [new(l["Client id"], ExportType.Integer), new(l["Client"], ExportType.Text), new(l["Views"], ExportType.Integer), new(l["Exports"], ExportType.Integer),
             new(l["In search results"], ExportType.Integer), new(l["First (UTC)"], ExportType.DateTime), new(l["Last (UTC)"], ExportType.DateTime)],
            rows.Select(r => new object?[] { r.ClientId, r.ClientName, r.Views, r.Exports, r.Listed, r.FirstAt, r.LastAt }));

    public static ExportTable Viewers(IEnumerable<ViewerRow> rows, IStringLocalizer<AuditText> l) =>
        new(l["Viewers"],
            [new(l["Time (UTC)"], ExportType.DateTime), new(l["Employee id"], ExportType.Integer), new(l["Employee"], ExportType.Text),
             new(l["Action"], ExportType.Text), new(l["Entry"], ExportType.Integer)],
            rows.Select(r => new object?[] { r.At, r.EmployeeId, r.EmployeeName, l[$"AuditAction.{r.Action}"].Value, r.EntryId }));
}
