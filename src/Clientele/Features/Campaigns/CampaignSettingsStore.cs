using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Campaigns;

/// <summary>The SMTP settings (the password stored encrypted, never shown back) and the contact policy, one row each.</summary>
public sealed class CampaignSettingsStore(ClienteleDb db)
{
    public async Task<MailSettingsResponse> MailAsync(CancellationToken ct) =>
        Show(await db.Set<MailSettings>().AsNoTracking().SingleOrDefaultAsync(ct) ?? new MailSettings());

    private static MailSettingsResponse Show(MailSettings s) =>
        new(s.Host, s.Port, s.Tls, s.UserName, s.ProtectedPassword is not null, s.FromAddress, s.FromName, s.PublicUrl, s.MessagesPerSecond, s.Version);

    /// <summary>A password left out keeps the stored one; an empty one removes it.</summary>
    public async Task<(MailSettingsResponse? Saved, Errors Errors)> SaveMailAsync(MailSettingsInput input, CancellationToken ct)
    {
        var errors = CampaignRules.Check(input);
        if (errors.Any) return (null, errors);
        var row = await db.Set<MailSettings>().SingleOrDefaultAsync(ct);
        if (row is null) db.Add(row = new MailSettings());
        row.Host = input.Host!.Trim();
        row.Port = input.Port!.Value;
        row.Tls = input.Tls ?? MailTls.StartTls;
        row.UserName = string.IsNullOrWhiteSpace(input.UserName) ? null : input.UserName.Trim();
        if (input.Password is { } password) row.ProtectedPassword = password.Length == 0 ? null : MailSecrets.Of(db).Protect(password);
        row.FromAddress = input.FromAddress!.Trim();
        row.FromName = string.IsNullOrWhiteSpace(input.FromName) ? null : input.FromName.Trim();
        row.PublicUrl = input.PublicUrl!.Trim().TrimEnd('/');
        row.MessagesPerSecond = input.MessagesPerSecond ?? 10;
        await db.SaveChangesAsync(ct);
        return (Show(row), errors);
    }

    public async Task<ContactPolicyResponse> PolicyAsync(CancellationToken ct) =>
        Show(await db.Set<ContactPolicy>().AsNoTracking().SingleOrDefaultAsync(ct) ?? new ContactPolicy());

    private static ContactPolicyResponse Show(ContactPolicy p) =>
        new(p.PerWeek, p.PerMonth, p.QuietFromHour, p.QuietUntilHour, p.Version, p.DoubleOptInEmail, p.LostDealDays, p.ApprovalAbove);

    public async Task<(ContactPolicyResponse? Saved, Errors Errors)> SavePolicyAsync(ContactPolicyInput input, CancellationToken ct)
    {
        var errors = CampaignRules.Check(input);
        if (errors.Any) return (null, errors);
        var row = await db.Set<ContactPolicy>().SingleOrDefaultAsync(ct);
        if (row is null) db.Add(row = new ContactPolicy());
        (row.PerWeek, row.PerMonth, row.QuietFromHour, row.QuietUntilHour) = (input.PerWeek!.Value, input.PerMonth!.Value, input.QuietFromHour!.Value, input.QuietUntilHour!.Value);
        row.DoubleOptInEmail = input.DoubleOptInEmail ?? false;
        row.LostDealDays = input.LostDealDays ?? 30;
        row.ApprovalAbove = input.ApprovalAbove ?? 0;
        await db.SaveChangesAsync(ct);
        return (Show(row), errors);
    }
}
