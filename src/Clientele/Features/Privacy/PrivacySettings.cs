using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Privacy;

/// <summary>The owner's personal-data settings (one row; absent means the defaults).</summary>
public sealed class PrivacySettings
{
    public const int SingleId = 1;
    public const int DefaultRetentionMonths = 36;
    public const int MaxRetentionMonths = 600;

    public int Id { get; set; } = SingleId;
    /// <summary>Prospects without activity for this many months are anonymised; null turns the rule off.</summary>
    public int? RetentionMonths { get; set; } = DefaultRetentionMonths;
    public long Version { get; set; }

    public static async Task<PrivacySettings> ReadAsync(ClienteleDb db, CancellationToken ct) =>
        await db.Set<PrivacySettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == SingleId, ct) ?? new PrivacySettings();
}

public sealed record PrivacySettingsInput(int? RetentionMonths, bool? RetentionOff = null);

public sealed record PrivacySettingsResponse(int? RetentionMonths, bool RetentionOn, long Version)
{
    public static PrivacySettingsResponse Of(PrivacySettings s) => new(s.RetentionMonths, s.RetentionMonths is not null, s.Version);
}

/// <summary>Validates and saves the settings as a whole.</summary>
public static class PrivacySettingsStore
{
    public static async Task<PrivacyResult<PrivacySettingsResponse>> SaveAsync(ClienteleDb db, PrivacySettingsInput input, CancellationToken ct)
    {
        var e = new Errors();
        if (input.RetentionOff != true)
        {
            if (input.RetentionMonths is not { } months) e.Add("retentionMonths", Message.Of("is required unless the retention rule is turned off (retentionOff: true)."));
            else if (months is < 1 or > PrivacySettings.MaxRetentionMonths) e.Add("retentionMonths", Message.Of("must be between 1 and {0}.", PrivacySettings.MaxRetentionMonths));
        }
        if (e.Any) return PrivacyResult<PrivacySettingsResponse>.Invalid(e);
        var row = await db.Set<PrivacySettings>().SingleOrDefaultAsync(s => s.Id == PrivacySettings.SingleId, ct);
        if (row is null) db.Add(row = new PrivacySettings());
        row.RetentionMonths = input.RetentionOff == true ? null : input.RetentionMonths;
        row.Version++;
        await db.SaveChangesAsync(ct);
        return PrivacyResult<PrivacySettingsResponse>.Ok(PrivacySettingsResponse.Of(row));
    }
}

internal sealed class PrivacySettingsConfiguration : IEntityTypeConfiguration<PrivacySettings>
{
    public void Configure(EntityTypeBuilder<PrivacySettings> b)
    {
        b.ToTable("PrivacySettings");
        b.Property(s => s.Id).ValueGeneratedNever();
    }
}
