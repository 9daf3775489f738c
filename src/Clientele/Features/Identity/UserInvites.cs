using System.Globalization;
using System.Net;
using Clientele.Features.Audit;
using Clientele.Features.Campaigns;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Identity;

/// <summary>An invitation as the owner sees it: the link to hand over, until when it works, and whether it was mailed.</summary>
public sealed record InviteRow(long Id, string Email, string? DisplayName, string Role, DateTime ExpiresAt, string Link, bool Mailed, string? MailProblem);

/// <summary>What an invitation link stands for when it is opened.</summary>
public enum InviteState { Open, Unknown, Used, Expired, Revoked }

/// <summary>What became of an owner's withdrawal of an invitation.</summary>
public enum RevokeOutcome { Revoked, NotFound, AlreadyUsed }

/// <summary>
/// Invitations (issue 20, ADR 035): the owner invites a user by e-mail and role; the link goes out through the
/// configured SMTP server or is copied by the owner; the invitee chooses their own name and password. A forged, used or
/// expired link changes nothing. Both ends are audited.
/// </summary>
public sealed class UserInvites(UserManager<Employee> users, ClienteleDb db, AuditLog audit, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private const string LinkPurpose = "invite";
    private static readonly string[] Languages = ["ru", "de", "en"];

    /// <summary>
    /// Makes an invitation for <paramref name="email"/> as <paramref name="role"/>; with <paramref name="mail"/> the link
    /// is sent at once when an SMTP server is set up (otherwise the row says why not, and the link is still there to copy).
    /// </summary>
    /// <param name="siteUrl">This site's address as the owner reached it, for the link when no public address is set.</param>
    public async Task<(Errors? Refused, InviteRow? Invite)> InviteAsync(string? email, string? displayName, EmployeeRole? role, bool mail,
        long invitedById, string siteUrl, CancellationToken ct)
    {
        var errors = new Errors();
        var address = ContactRules.NormalizeEmail(email);
        if (address is null) errors.Add("email", Message.Of("'{0}' is not a valid e-mail address.", email ?? ""));
        var name = displayName?.Trim();
        if (name is { Length: > 200 }) errors.Add("displayName", Message.Of<TeamText>("A name has at most 200 characters."));
        if (role is not { } chosen || !Enum.IsDefined(chosen)) errors.Add("role", Message.Of("Use owner, manager, marketer or analyst."));
        else if (address is not null && await users.FindByEmailAsync(address) is not null)
            errors.Add("email", Message.Of<TeamText>("A user with the e-mail {0} already exists.", address));
        if (errors.Any) return (errors, null);

        var now = clock.GetUtcNow().UtcDateTime;
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var current && Languages.Contains(current) ? current : "en";
        var invite = new UserInvite
        {
            Email = address!, DisplayName = string.IsNullOrEmpty(name) ? null : name, Role = role!.Value, Language = language,
            InvitedById = invitedById, CreatedAt = now, ExpiresAt = now + Lifetime,
        };
        db.Add(invite);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.PermissionChanged, null, nameof(UserInvite), invite.Id,
            Detail: Message.Of<InviteText>("{0} was invited as {1}.", invite.Email, UserAdministration.RoleLabel(invite.Role)).Encode()), ct);

        var settings = await db.Set<MailSettings>().AsNoTracking().SingleOrDefaultAsync(ct);
        var link = Link(settings?.PublicUrl, siteUrl, MailSecrets.Of(db), invite.Id);
        Message? problem = null;
        if (mail) problem = await MailAsync(invite, settings, link, ct);
        return (null, Row(invite, link, problem?.Render()));
    }

    /// <summary>The invitations not yet used nor expired, newest first, with their links.</summary>
    public async Task<List<InviteRow>> OpenAsync(string siteUrl, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Set<UserInvite>().AsNoTracking().Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now).OrderByDescending(i => i.Id).Take(100).ToListAsync(ct);
        var publicUrl = await db.Set<MailSettings>().AsNoTracking().Select(s => s.PublicUrl).SingleOrDefaultAsync(ct);
        var secrets = MailSecrets.Of(db);
        return [.. open.Select(i => Row(i, Link(publicUrl, siteUrl, secrets, i.Id), null))];
    }

    /// <summary>The invitation a link names and what it stands for; the invitation is null for a link this key did not sign.</summary>
    public async Task<(InviteState State, UserInvite? Invite)> ReadAsync(string? token, CancellationToken ct)
    {
        if (token is not { Length: <= 64 } || MailSecrets.Of(db).Verify(LinkPurpose, token) is not { } id) return (InviteState.Unknown, null);
        var invite = await db.Set<UserInvite>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (invite is null) return (InviteState.Unknown, null);
        if (invite.AcceptedAt is not null) return (InviteState.Used, invite);
        if (invite.RevokedAt is not null) return (InviteState.Revoked, invite);
        return (invite.ExpiresAt <= clock.GetUtcNow().UtcDateTime ? InviteState.Expired : InviteState.Open, invite);
    }

    /// <summary>
    /// Makes the invitee's account with their own name and password. The invitation is claimed in the account's
    /// transaction, so two submissions of one link make one account; a refusal writes nothing.
    /// </summary>
    public async Task<(InviteState State, Errors? Refused, Employee? Account)> AcceptAsync(string? token, string? displayName, string? password, CancellationToken ct)
    {
        var (state, invite) = await ReadAsync(token, ct);
        if (state != InviteState.Open) return (state, null, null);
        var errors = new Errors();
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("displayName", Message.Of<InviteText>("Enter your name."));
        else if (name.Length > 200) errors.Add("displayName", Message.Of<TeamText>("A name has at most 200 characters."));
        if (PasswordRules.Problem(password) is { } problem) errors.Add("password", Message.Of<SignInText>(problem));
        if (await users.FindByEmailAsync(invite!.Email) is not null)
            errors.Add("email", Message.Of<TeamText>("A user with the e-mail {0} already exists.", invite.Email));
        if (errors.Any) return (state, errors, null);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Set<UserInvite>().Where(i => i.Id == invite.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), ct);
        if (claimed == 0) return ((await ReadAsync(token, ct)).State, null, null);
        var employee = new Employee
        {
            UserName = invite.Email, Email = invite.Email, EmailConfirmed = true, Role = invite.Role, CreatedAt = now, DisplayName = name!,
        };
        var created = await users.CreateAsync(employee, password!);
        if (!created.Succeeded)
        {
            errors.Add("password", Message.Of("The change could not be saved: {0}", string.Join(" ", created.Errors.Select(e => e.Description))));
            return (state, errors, null);
        }
        await db.Set<UserInvite>().Where(i => i.Id == invite.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.EmployeeId, employee.Id), ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.PermissionChanged, employee.Id, nameof(UserInvite), invite.Id,
            Detail: Message.Of<InviteText>("{0} accepted the invitation and joined as {1}.", employee.DisplayName, UserAdministration.RoleLabel(employee.Role)).Encode()), ct);
        await transaction.CommitAsync(ct);
        return (InviteState.Open, null, employee);
    }

    /// <summary>
    /// Withdraws an invitation not yet used: its link answers that it was withdrawn and makes no account, even when it is
    /// submitted at the same moment (the acceptance claims the invitation only while it is not withdrawn, and this
    /// withdraws it only while it is not claimed). Withdrawing it again, or withdrawing an expired one, changes nothing
    /// more and answers the same; a used one is refused, since its account exists (deactivate the user instead).
    /// </summary>
    public async Task<RevokeOutcome> RevokeAsync(long inviteId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var withdrawn = await db.Set<UserInvite>().Where(i => i.Id == inviteId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), ct);
        if (withdrawn == 0)
        {
            var found = await db.Set<UserInvite>().Where(i => i.Id == inviteId).Select(i => new { Used = i.AcceptedAt != null }).SingleOrDefaultAsync(ct);
            return found is null ? RevokeOutcome.NotFound : found.Used ? RevokeOutcome.AlreadyUsed : RevokeOutcome.Revoked;
        }
        var invite = await db.Set<UserInvite>().AsNoTracking().SingleAsync(i => i.Id == inviteId, ct);
        await audit.RecordAsync(new AuditEvent(AuditAction.PermissionChanged, null, nameof(UserInvite), invite.Id,
            Detail: Message.Of<InviteText>("The invitation of {0} as {1} was withdrawn.", invite.Email, UserAdministration.RoleLabel(invite.Role)).Encode()), ct);
        await transaction.CommitAsync(ct);
        return RevokeOutcome.Revoked;
    }

    /// <summary>Sends the link in the invitation's language; the reason it did not go out, or null.</summary>
    private async Task<Message?> MailAsync(UserInvite invite, MailSettings? settings, string link, CancellationToken ct)
    {
        if (settings is not { IsConfigured: true }) return Message.Of<InviteText>("No SMTP server is set up yet, so nothing was mailed: copy the link and hand it over.");
        var language = CultureInfo.GetCultureInfo(invite.Language);
        var inviter = await db.Set<Employee>().Where(e => e.Id == invite.InvitedById).Select(e => e.DisplayName).SingleAsync(ct);
        static string E(string s) => WebUtility.HtmlEncode(s);
        var subject = Message.Of<InviteText>("Your invitation to Clientele").Render(language);
        var invites = Message.Of<InviteText>("{0} invites you to Clientele as {1}.", inviter, UserAdministration.RoleLabel(invite.Role)).Render(language);
        var open = Message.Of<InviteText>("Open this link within {0} days to choose your name and password:", (int)Lifetime.TotalDays).Render(language);
        var mail = new RenderedMail(subject, $"<p>{E(invites)}</p><p>{E(open)}<br><a href=\"{E(link)}\">{E(link)}</a></p>", $"{invites}\n\n{open}\n{link}\n");
        var secrets = MailSecrets.Of(db);
        await using var transport = new MailTransport(settings, settings.ProtectedPassword is { } p ? secrets.Unprotect(p) : null);
        var sent = await transport.SendAsync(MailComposer.Compose(settings, invite.Email, mail, null, null), ct);
        if (sent.Outcome != Delivery.Accepted) return Message.Of<InviteText>("The mail server did not take the message ({0}): copy the link and hand it over.", sent.Reply);
        invite.MailedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The invitation's link: on the company's public address when one is set, else on the address the owner used.</summary>
    private static string Link(string? publicUrl, string siteUrl, MailSecrets secrets, long inviteId) =>
        (string.IsNullOrEmpty(publicUrl) ? siteUrl : publicUrl).TrimEnd('/') + "/invite/" + secrets.Sign(LinkPurpose, inviteId);

    private static InviteRow Row(UserInvite i, string link, string? mailProblem) =>
        new(i.Id, i.Email, i.DisplayName, i.Role.ToString().ToLowerInvariant(), DateTime.SpecifyKind(i.ExpiresAt, DateTimeKind.Utc), link, i.MailedAt is not null, mailProblem);
}
