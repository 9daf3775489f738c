using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Exports.Control;

/// <summary>The export a canary came from: who wrote it, when, what and how much.</summary>
public sealed record ExportTraceResponse(
    string ExportId, DateTime At, long EmployeeId, string EmployeeName, string? EmployeeEmail, string Path, string Filter, string Format,
    int? RowCount, int ClientCount, ExportStatus Status, string CanaryName, string CanaryEmail, string CanaryPhone, long CanaryClientId);

/// <summary>Finds the export behind an e-mail address, phone number or name found in a leaked list.</summary>
public static class ExportTrace
{
    /// <summary>What the value is compared as: e-mail in lower case, a phone in E.164 (read in the company's region), a masked name as the id it shows, else a canary's name.</summary>
    public static async Task<(string Kind, string Value)> NormalizeAsync(ClienteleDb db, string input, CancellationToken ct)
    {
        var value = input.Trim();
        if (value.Contains('@')) return ("email", value.ToLowerInvariant());
        // A canary in a masked export shows only its masked name, which carries its id.
        if (value.StartsWith(Access.FieldMasks.MaskedClientPrefix, StringComparison.Ordinal)
            && long.TryParse(value[Access.FieldMasks.MaskedClientPrefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            return ("id", value[Access.FieldMasks.MaskedClientPrefix.Length..]);
        var digits = new string([.. value.Where(char.IsAsciiDigit)]);
        if (digits.Length >= 6 && value.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.' or '/'))
        {
            var region = (await new CompanySettingsReader(db).GetAsync(ct)).DefaultPhoneRegion;
            return ("phone", ContactRules.NormalizePhone(value, region) ?? "+" + digits);
        }
        return ("name", value);
    }

    public static async Task<ExportTraceResponse?> FindAsync(ClienteleDb db, string input, CancellationToken ct)
    {
        var (kind, value) = await NormalizeAsync(db, input, ct);
        var canaries = db.Set<ExportCanary>().AsNoTracking();
        var fakeId = kind == "id" ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        canaries = kind switch
        {
            "email" => canaries.Where(c => c.Email == value),
            "phone" => canaries.Where(c => c.Phone == value),
            "id" => canaries.Where(c => c.FakeClientId == fakeId),
            // Exact first: SQLite's lower() folds ASCII only, so a Cyrillic name is found by its exact spelling.
            _ => canaries.Where(c => c.Name == value || c.Name.ToLower() == value.ToLower()),
        };
        return await canaries
            .Join(db.Set<ExportRecord>(), c => c.ExportId, r => r.Id, (c, r) => new { c, r })
            .OrderByDescending(x => x.r.At)
            .Select(x => new ExportTraceResponse(x.r.Id, x.r.At, x.r.EmployeeId, x.r.Employee!.DisplayName, x.r.Employee.Email, x.r.Path, x.r.Filter,
                x.r.Format, x.r.RowCount, x.r.ClientCount, x.r.Status, x.c.Name, x.c.Email, x.c.Phone, x.c.FakeClientId))
            .FirstOrDefaultAsync(ct);
    }
}
