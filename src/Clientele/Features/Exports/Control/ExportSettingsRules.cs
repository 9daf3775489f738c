using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Exports.Control;

/// <summary>Checks and stores the owner's export rules, for the API and the page alike.</summary>
public static class ExportSettingsRules
{
    public const int MaxThreshold = 1_000_000;

    public static Errors Validate(int? thresholdInput, string? domainInput, out int threshold, out string domain)
    {
        var errors = new Errors();
        threshold = thresholdInput ?? ExportSettings.DefaultThreshold;
        if (threshold is < 0 or > MaxThreshold) errors.Add("threshold", Message.Of("must be between 0 and {0} clients.", MaxThreshold));
        domain = (domainInput ?? ExportSettings.DefaultCanaryDomain).Trim().ToLowerInvariant();
        if (Uri.CheckHostName(domain) != UriHostNameType.Dns || !domain.Contains('.') || domain.Length > 200)
            errors.Add("canaryDomain", Message.Of("must be a domain name such as mail-check.example (was '{0}').", domainInput));
        return errors;
    }

    public static async Task SaveAsync(ClienteleDb db, int threshold, string domain, CancellationToken ct)
    {
        var row = await db.Set<ExportSettings>().SingleOrDefaultAsync(s => s.Id == ExportSettings.SingletonId, ct);
        if (row is null) db.Add(row = new ExportSettings());
        row.Threshold = threshold;
        row.CanaryDomain = domain;
        row.Version++;
        await db.SaveChangesAsync(ct);
    }
}
