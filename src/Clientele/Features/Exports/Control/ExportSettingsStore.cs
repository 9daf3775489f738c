using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Exports.Control;

/// <summary>Reads the owner's export rules; the defaults until the owner saves any.</summary>
public static class ExportSettingsStore
{
    public static async Task<ExportSettings> GetAsync(ClienteleDb db, CancellationToken ct) =>
        await db.Set<ExportSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == ExportSettings.SingletonId, ct) ?? new ExportSettings();
}
