using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Company;

/// <summary>Reads the company settings once per request or circuit.</summary>
public sealed class CompanySettingsReader(ClienteleDb db)
{
    private CompanySettings? _settings;

    public async Task<CompanySettings> GetAsync(CancellationToken ct = default) =>
        _settings ??= await db.CompanySettings.AsNoTracking().SingleOrDefaultAsync(s => s.Id == CompanySettings.SingletonId, ct)
            ?? new CompanySettings();
}
