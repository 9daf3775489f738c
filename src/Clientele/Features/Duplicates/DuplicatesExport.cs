using Clientele.Features.Exports.Formats;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Duplicates;

/// <summary>The review list as an export table: one row per pair, the first client's columns counted as the client list.</summary>
public static class DuplicatesExport
{
    public static ExportTable Table(IEnumerable<DuplicatePair> pairs, IStringLocalizer<DuplicatesText> l) =>
        new(l["Duplicates"],
            [new(l["Client id"], ExportType.Integer), new(l["Client"], ExportType.Text), new(l["City"], ExportType.Text), new(l["Phone"], ExportType.Text),
             new(l["E-mail"], ExportType.Text), new(l["Tax id"], ExportType.Text), new(l["Purchases"], ExportType.Integer),
             new(l["Other client id"], ExportType.Integer), new(l["Other client"], ExportType.Text), new(l["Other city"], ExportType.Text),
             new(l["Other phone"], ExportType.Text), new(l["Other e-mail"], ExportType.Text), new(l["Other tax id"], ExportType.Text),
             new(l["Other purchases"], ExportType.Integer),
             new(l["Reason"], ExportType.Text), new(l["Score"], ExportType.Percent), new(l["Source"], ExportType.Text), new(l["Status"], ExportType.Text),
             new(l["Pair id"], ExportType.Integer)],
            pairs.Select(p => new object?[]
            {
                p.Left.Id, p.Left.Name, p.Left.City, p.Left.Phone, p.Left.Email, p.Left.TaxId, p.Left.Purchases,
                p.Right.Id, p.Right.Name, p.Right.City, p.Right.Phone, p.Right.Email, p.Right.TaxId, p.Right.Purchases,
                l[$"Reason.{p.Reason}"].Value, p.Score, l[$"Source.{p.Source}"].Value, l[$"Status.{p.Status}"].Value, p.Id,
            }))
        { Clients = new ClientRows(IdColumn: 0, NameColumn: 1, EmailColumn: 4, PhoneColumn: 3, BlankColumns: [5, 12]) };
}
