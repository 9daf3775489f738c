using Clientele.Features.Clients;
using Clientele.Features.Duplicates;
using Clientele.Features.Identity;
using Clientele.Features.Imports.Mapping;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Records;

/// <summary>
/// Finds what a row refers to — its client (by its external code first, then tax id, e-mail, phone, exact name), its
/// manager, its product — once per distinct value: an import repeats the
/// same client and product on many rows. Clients are read through the access filter, so a manager's import finds only
/// the clients that manager may see.
/// </summary>
internal sealed class RecordLookups(ClienteleDb db, string defaultRegion)
{
    private readonly Dictionary<(string Field, string Key), (long? Id, string? Error)> _clients = [];
    private readonly Dictionary<string, long?> _productsBySku = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long?> _productsByName = new(StringComparer.Ordinal);
    private List<(long Id, string? Email, string Name)>? _employees;

    /// <summary>Sets the row's client from the first identifier that finds one, or rejects the row naming the first given.</summary>
    public async Task FindClientAsync(RecordRow row, CancellationToken ct)
    {
        (string Field, string Error)? firstMiss = null;
        foreach (var field in ImportFields.ClientIdentifiers)
        {
            if (row[field] is not { } text) continue;
            var (id, error) = await ClientAsync(field, text, ct);
            if (id is not null)
            {
                row.ClientId = id;
                row.ClientField = field;
                return;
            }
            firstMiss ??= (field, error!);
        }
        if (firstMiss is { } miss) row.Reject(miss.Field, miss.Error);
        else row.Reject(ImportFields.ClientName, "the row names no client (tax id, e-mail, phone or name).");
    }

    private async Task<(long? Id, string? Error)> ClientAsync(string field, string text, CancellationToken ct)
    {
        var label = ImportFields.Translate(field switch
        {
            ImportFields.ClientCode => "External code",
            ImportFields.ClientTaxId => "Tax id",
            ImportFields.ClientEmail => "E-mail",
            ImportFields.ClientPhone => "Phone",
            _ => "Name",
        });
        string? key = field switch
        {
            ImportFields.ClientCode => text.Trim(),
            ImportFields.ClientTaxId => DuplicateKeys.TaxId(text),
            ImportFields.ClientEmail => DuplicateKeys.Email(text),
            ImportFields.ClientPhone => DuplicateKeys.Phone(text, defaultRegion),
            _ => ClientSearch.Key(text),
        };
        if (key is null) return (null, $"'{text}' is not a valid {label}.");
        if (field == ImportFields.ClientTaxId && TaxIdProblem(text) is { } problem) return (null, problem);
        if (_clients.TryGetValue((field, key), out var known)) return known;

        var clients = db.Clients.AsNoTracking();
        var query = field switch
        {
            ImportFields.ClientCode => clients.Where(c => c.ExternalCode == key),
            ImportFields.ClientTaxId => clients.Where(c => c.TaxId == key),
            ImportFields.ClientEmail => clients.Where(c => c.Email == key),
            ImportFields.ClientPhone => clients.Where(c => c.Phone == key),
            _ => clients.Where(c => c.NameKey == key),
        };
        var ids = await query.OrderBy(c => c.Id).Select(c => c.Id).Take(2).ToListAsync(ct);
        (long?, string?) found = ids.Count switch
        {
            0 => (null, $"no client with {label} {text}."),
            1 => (ids[0], null),
            _ => (null, $"several clients have {label} {text}; identify the client by another column."),
        };
        _clients[(field, key)] = found;
        return found;
    }

    private static string? TaxIdProblem(string text)
    {
        var errors = new Errors();
        errors.TaxId("taxId", text);
        return errors.First("taxId");
    }

    /// <summary>An employee by e-mail or display name (any case); null with the row rejected when nobody matches.</summary>
    public async Task<long?> ManagerAsync(RecordRow row, CancellationToken ct)
    {
        if (row[ImportFields.Manager] is not { } text) return null;
        _employees ??= [.. (await db.Set<Employee>().AsNoTracking().Select(e => new { e.Id, e.Email, e.DisplayName }).ToListAsync(ct))
            .Select(e => (e.Id, e.Email?.ToLowerInvariant(), e.DisplayName.Trim().ToLowerInvariant()))];
        var key = text.Trim().ToLowerInvariant();
        var matches = _employees.Where(e => e.Email == key || e.Name == key).Select(e => e.Id).Distinct().ToList();
        if (matches.Count == 1) return matches[0];
        row.Reject(ImportFields.Manager, matches.Count == 0 ? $"unknown manager '{text}'." : $"several employees are called '{text}'; give the e-mail.");
        return null;
    }

    /// <summary>A catalogue product by its SKU, else by its exact name; null when the catalogue has none (the text becomes the line's description).</summary>
    public async Task<long?> ProductAsync(string? sku, string? name, CancellationToken ct)
    {
        if (sku is not null)
        {
            if (!_productsBySku.TryGetValue(sku, out var bySku))
                _productsBySku[sku] = bySku = await db.Products.AsNoTracking().Where(p => p.Sku == sku).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
            if (bySku is not null) return bySku;
        }
        if (name is null) return null;
        if (!_productsByName.TryGetValue(name, out var byName))
            _productsByName[name] = byName = await db.Products.AsNoTracking().Where(p => p.Name == name || p.Sku == name)
                .OrderBy(p => p.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        return byName;
    }
}
