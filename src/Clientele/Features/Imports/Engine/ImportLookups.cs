using Clientele.Features.Clients;
using Clientele.Features.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Engine;

/// <summary>Employees and acquisition channels by the names a file may give them, loaded once per run.</summary>
public sealed class ImportLookups
{
    private readonly Dictionary<string, long> _managers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _channels = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<ImportLookups> LoadAsync(ClienteleDb db, CancellationToken ct)
    {
        var lookups = new ImportLookups();
        var staff = await db.Set<Employee>().AsNoTracking().Where(e => e.IsActive)
            .Select(e => new { e.Id, e.Email, e.DisplayName }).ToListAsync(ct);
        foreach (var e in staff)
        {
            if (e.Email is { } email) lookups._managers.TryAdd(email.Trim(), e.Id);
            lookups._managers.TryAdd(e.DisplayName.Trim(), e.Id);
        }
        var channels = await db.AcquisitionChannels.AsNoTracking().Where(c => c.IsActive).Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct);
        foreach (var c in channels)
        {
            lookups._channels.TryAdd(c.Name.Trim(), c.Id);
            if (c.Code is { } code) lookups._channels.TryAdd(code, c.Id);
        }
        return lookups;
    }

    public long? Manager(string text) => _managers.TryGetValue(text.Trim(), out var id) ? id : null;

    public long? Channel(string text) => _channels.TryGetValue(text.Trim(), out var id) ? id : null;

    /// <summary>Kind, role and status as people write them in Russian, German and English, or the enum names.</summary>
    public static ClientKind? KindOf(string text) => Word(text) switch
    {
        "company" or "organisation" or "organization" or "business" or "b2b" or "компания" or "организация" or "юрлицо"
            or "юр лицо" or "юридическое лицо" or "фирма" or "firma" or "unternehmen" or "gesellschaft" => ClientKind.Company,
        "person" or "individual" or "private" or "b2c" or "физлицо" or "физ лицо" or "физическое лицо" or "частное лицо"
            or "человек" or "privatperson" or "privatkunde" or "natürliche person" => ClientKind.Person,
        _ => null,
    };

    public static ClientRole? RoleOf(string text) => Word(text) switch
    {
        "endcustomer" or "end customer" or "customer" or "client" or "конечный клиент" or "клиент" or "покупатель"
            or "заказчик" or "endkunde" or "kunde" => ClientRole.EndCustomer,
        "dealer" or "дилер" or "händler" or "haendler" => ClientRole.Dealer,
        "distributor" or "дистрибьютор" or "дистрибутор" or "großhändler" or "grosshaendler" or "distributeur" => ClientRole.Distributor,
        "agent" or "агент" or "vertreter" or "handelsvertreter" => ClientRole.Agent,
        "partner" or "партнер" => ClientRole.Partner,
        _ => null,
    };

    public static ClientStatus? StatusOf(string text) => Word(text) switch
    {
        "potential" or "prospect" or "new" or "lead" or "потенциальный" or "новый" or "лид" or "potenziell" or "interessent"
            or "neu" => ClientStatus.Potential,
        "active" or "regular" or "customer" or "активный" or "постоянный" or "действующий" or "aktiv" or "stammkunde" => ClientStatus.Active,
        "lost" or "потерян" or "потерянный" or "ушел" or "verloren" or "abgewandert" => ClientStatus.Lost,
        _ => null,
    };

    private static string Word(string text) =>
        string.Join(' ', text.Trim().ToLowerInvariant().Replace('ё', 'е').Replace('-', ' ').Replace('.', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
