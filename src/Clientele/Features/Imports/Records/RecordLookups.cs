using Clientele.Features.Clients;
using Clientele.Features.Duplicates;
using Clientele.Features.Identity;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Products;
using Clientele.Infrastructure.Api;
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
    /// <summary>Values per IN list: far below either database's parameter limit.</summary>
    private const int KeysPerQuery = 500;
    private readonly Dictionary<(string Field, string Key), (long? Id, string? Error)> _clients = [];
    private readonly Dictionary<string, long?> _productsBySku = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long?> _productsByName = new(StringComparer.Ordinal);
    private List<(long Id, string? Email, string Name)>? _employees;

    /// <summary>What the lookups found, for the spec's checks of the records (<see cref="CheckContext{TEntity}.Known"/>).</summary>
    public KnownRows Known { get; } = new();

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
        else row.Reject(ImportFields.ClientName, Message.Of<RecordText>("the row names no client (tax id, e-mail, phone or name).").Encode());
    }

    /// <summary>
    /// Reads set-wise, before a chunk of rows is taken one by one, the clients its identifiers name and the products its
    /// SKUs and names name, so that <see cref="FindClientAsync"/> and <see cref="ProductAsync"/> answer from memory.
    /// </summary>
    public async Task ReadAheadAsync(IReadOnlyList<RecordRow> rows, CancellationToken ct)
    {
        if (_employees is null) await EmployeesAsync(ct);
        foreach (var field in ImportFields.ClientIdentifiers)
        {
            // The first text of each key, as the message of a miss names the text the first row gave.
            var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in rows)
                if (row.Problem is null && row[field] is { } text && Key(field, text) is { } key
                    && (field != ImportFields.ClientTaxId || TaxIdProblem(text) is null) && !_clients.ContainsKey((field, key)))
                    wanted.TryAdd(key, text);
            foreach (var keys in wanted.Keys.Chunk(KeysPerQuery))
            {
                var found = (await ClientsBy(field, keys).ToListAsync(ct)).ToLookup(c => c.Key, c => c.Id);
                foreach (var key in keys) _clients[(field, key)] = Found(field, wanted[key], [.. found[key].Order().Take(2)]);
            }
        }
        await ProductsAheadAsync(rows, ct);
    }

    private async Task<(long? Id, string? Error)> ClientAsync(string field, string text, CancellationToken ct)
    {
        var key = Key(field, text);
        if (key is null) return (null, Message.Of<RecordText>("'{0}' is not a valid {1}.", text, Label(field)).Encode());
        if (field == ImportFields.ClientTaxId && TaxIdProblem(text) is { } problem) return (null, problem);
        if (_clients.TryGetValue((field, key), out var known)) return known;
        var ids = await ClientsBy(field, [key]).Select(c => c.Id).OrderBy(id => id).Take(2).ToListAsync(ct);
        return _clients[(field, key)] = Found(field, text, ids);
    }

    private string? Key(string field, string text) => field switch
    {
        ImportFields.ClientCode => text.Trim(),
        ImportFields.ClientTaxId => DuplicateKeys.TaxId(text),
        ImportFields.ClientEmail => DuplicateKeys.Email(text),
        ImportFields.ClientPhone => DuplicateKeys.Phone(text, defaultRegion),
        _ => ClientSearch.Key(text),
    };

    /// <summary>The identifier's name as a label, worded in the reader's language when the reason is read.</summary>
    private static Message Label(string field) => Message.Of<ImportText>(field switch
    {
        ImportFields.ClientCode => "External code",
        ImportFields.ClientTaxId => "Tax id",
        ImportFields.ClientEmail => "E-mail",
        ImportFields.ClientPhone => "Phone",
        _ => "Name",
    });

    private sealed record KeyedClient(long Id, string Key);

    /// <summary>The clients the reader may see whose <paramref name="field"/> is one of <paramref name="keys"/>.</summary>
    private IQueryable<KeyedClient> ClientsBy(string field, string[] keys)
    {
        var clients = db.Clients.AsNoTracking();
        return field switch
        {
            ImportFields.ClientCode => clients.Where(c => keys.Contains(c.ExternalCode!)).Select(c => new KeyedClient(c.Id, c.ExternalCode!)),
            ImportFields.ClientTaxId => clients.Where(c => keys.Contains(c.TaxId!)).Select(c => new KeyedClient(c.Id, c.TaxId!)),
            ImportFields.ClientEmail => clients.Where(c => keys.Contains(c.Email!)).Select(c => new KeyedClient(c.Id, c.Email!)),
            ImportFields.ClientPhone => clients.Where(c => keys.Contains(c.Phone!)).Select(c => new KeyedClient(c.Id, c.Phone!)),
            _ => clients.Where(c => keys.Contains(c.NameKey)).Select(c => new KeyedClient(c.Id, c.NameKey)),
        };
    }

    /// <param name="ids">The first two ids found, ascending.</param>
    private (long? Id, string? Error) Found(string field, string text, List<long> ids)
    {
        if (ids.Count == 1) Known.Clients.Add(ids[0]);
        return ids.Count switch
        {
            0 => (null, Message.Of<RecordText>("no client with {0} {1}.", Label(field), text).Encode()),
            1 => (ids[0], null),
            _ => (null, Message.Of<RecordText>("several clients have {0} {1}; identify the client by another column.", Label(field), text).Encode()),
        };
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
        var employees = _employees ?? await EmployeesAsync(ct);
        var key = text.Trim().ToLowerInvariant();
        var matches = employees.Where(e => e.Email == key || e.Name == key).Select(e => e.Id).Distinct().ToList();
        if (matches.Count == 1) return matches[0];
        row.Reject(ImportFields.Manager, (matches.Count == 0 ? Message.Of("unknown manager '{0}'.", text) : Message.Of<RecordText>("several employees are called '{0}'; give the e-mail.", text)).Encode());
        return null;
    }

    private async Task<List<(long Id, string? Email, string Name)>> EmployeesAsync(CancellationToken ct)
    {
        _employees = [.. (await db.Set<Employee>().AsNoTracking().Select(e => new { e.Id, e.Email, e.DisplayName }).ToListAsync(ct))
            .Select(e => (e.Id, e.Email?.ToLowerInvariant(), e.DisplayName.Trim().ToLowerInvariant()))];
        Known.Employees.UnionWith(_employees.Select(e => e.Id));
        return _employees;
    }

    /// <summary>The products the rows' SKUs and product names name, a query per few hundred distinct values.</summary>
    private async Task ProductsAheadAsync(IReadOnlyList<RecordRow> rows, CancellationToken ct)
    {
        var skus = rows.Select(r => r["sku"]).OfType<string>().Where(s => !_productsBySku.ContainsKey(s)).Distinct().ToList();
        foreach (var chunk in skus.Chunk(KeysPerQuery))
        {
            var found = (await db.Products.AsNoTracking().Where(p => chunk.Contains(p.Sku!)).OrderBy(p => p.Id).ToListAsync(ct)).ToLookup(p => p.Sku!);
            foreach (var sku in chunk) _productsBySku[sku] = Keep(found[sku].FirstOrDefault());
        }
        var names = rows.Select(r => r["product"]).OfType<string>().Where(n => !_productsByName.ContainsKey(n)).Distinct().ToList();
        foreach (var chunk in names.Chunk(KeysPerQuery))
        {
            var found = await db.Products.AsNoTracking().Where(p => chunk.Contains(p.Name) || chunk.Contains(p.Sku!)).OrderBy(p => p.Id).ToListAsync(ct);
            foreach (var name in chunk) _productsByName[name] = Keep(found.Find(p => p.Name == name || p.Sku == name));
        }
    }

    private long? Keep(Product? product)
    {
        if (product is null) return null;
        Known.Products[product.Id] = product;
        return product.Id;
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
