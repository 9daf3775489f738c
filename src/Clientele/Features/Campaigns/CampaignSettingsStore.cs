using Clientele.Features.Identity;
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

    /// <summary>A short message through the stored SMTP settings to the caller's own address: does the server take mail from us?</summary>
    public Task<CampaignOutcome<TestSendResponse>> TestMailAsync(CancellationToken ct) =>
        SendToCallerAsync(db, (_, _, name) =>
        {
            var subject = Message.Of<CampaignText>("Clientele: a test of the mail settings").Render();
            var body = Message.Of<CampaignText>("Hello {0}, this message came through the mail server set up for campaigns.", name).Render();
            return Task.FromResult(new RenderedMail(subject, $"<p>{System.Net.WebUtility.HtmlEncode(body)}</p>", body));
        }, ct);

    /// <summary>
    /// Sends one message at once, outside the outbox, to the signed-in caller's own address (a test send): refused when
    /// no server is set up or the caller has no address, and the server's refusal is said as it came.
    /// </summary>
    internal static async Task<CampaignOutcome<TestSendResponse>> SendToCallerAsync(ClienteleDb db,
        Func<MailSettings, string, string, Task<RenderedMail>> compose, CancellationToken ct)
    {
        var settings = await db.Set<MailSettings>().AsNoTracking().SingleOrDefaultAsync(ct);
        if (settings is not { IsConfigured: true })
            return new CampaignOutcome<TestSendResponse>.Conflict(Message.Of<CampaignText>("No SMTP server is set up yet: the owner sets it under the campaign settings."));
        var me = await db.Set<Employee>().AsNoTracking().Where(e => e.Id == db.Access.ViewerId).Select(e => new { e.Email, e.DisplayName }).SingleOrDefaultAsync(ct);
        if (me?.Email is not { Length: > 0 } to)
            return new CampaignOutcome<TestSendResponse>.Conflict(Message.Of<CampaignText>("Your account has no e-mail address to send the test to."));
        var rendered = await compose(settings, to, me.DisplayName);
        await using var transport = new MailTransport(settings, settings.ProtectedPassword is { } p ? MailSecrets.Of(db).Unprotect(p) : null);
        var result = await transport.SendAsync(MailComposer.Compose(settings, to, rendered, null, null), ct);
        return result.Outcome == Delivery.Accepted
            ? new CampaignOutcome<TestSendResponse>.Done(new TestSendResponse(to, rendered.Subject))
            : new CampaignOutcome<TestSendResponse>.Conflict(Message.Of<CampaignText>("The mail server did not take the test message: {0}", result.Reply));
    }
}
