using System.Globalization;
using System.Net;
using System.Text;
using Clientele.Features.Audit;
using Clientele.Features.Campaigns;
using Clientele.Features.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Privacy;

/// <summary>What to ask the person: the purpose and the wording (text, or a stored version); the channel is e-mail.</summary>
public sealed record RequestConsentInput(long? ContactPersonId, ConsentPurpose? Purpose, string? Text = null, long? ConsentTextId = null, string? Language = null);

/// <summary>A sent request; the address it went to is not shown back (a marketer may not see it).</summary>
public sealed record ConsentRequestResponse(long Id, long? ContactPersonId, ContactChannel Channel, ConsentPurpose Purpose, string Language, DateTime RequestedAt, DateTime ExpiresAt);

/// <summary>
/// Double opt-in (issue 17, point 2): an owner, manager or marketer asks a person for their consent to e-mail by a mail
/// with a signed link; the person's own click on the public page <c>/consent/{token}</c> records it. Asking unlocks
/// nothing — the consent exists only once the person answers — so the marketer, who may not record consents, may ask.
/// The link is the request's id signed with HMAC under a key outside the database (<see cref="MailSecrets"/>): the
/// database alone cannot forge one; a link is good for <see cref="Lifetime"/> and for one confirmation.
/// </summary>
public static class ConsentConfirmation
{
    public const string LinkPurpose = "consent-confirmation";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);
    private static readonly string[] Languages = ["ru", "de", "en"];

    public static async Task<PrivacyResult<ConsentRequestResponse>> RequestAsync(ClienteleDb db, AuditLog audit, long clientId, RequestConsentInput input, long? by, CancellationToken ct)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, ct)) return PrivacyResult<ConsentRequestResponse>.NotFound($"Client {clientId} does not exist.");
        var errors = new Errors();
        if (input.Purpose is not { } purpose) errors.Add("purpose", Message.Of("is required: one of {0}.", string.Join(", ", Enum.GetNames<ConsentPurpose>())));
        else errors.Defined("purpose", purpose);
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text) == (input.ConsentTextId is null))
            errors.Add("text", Message.Of<PrivacyText>("give either the wording the person is asked to agree to (text) or a stored version (consentTextId)."));
        else if (text?.Length > ConsentRules.TextMax) errors.Add("text", Message.Of("must be at most {0} characters (is {1}).", ConsentRules.TextMax, text.Length));
        if (input.ConsentTextId is { } textId && !await db.Set<ConsentText>().AnyAsync(t => t.Id == textId, ct))
            errors.Add("consentTextId", Message.Of("there is no consent text {0}.", textId));
        var language = input.Language?.Trim().ToLowerInvariant();
        if (language is not null && !Languages.Contains(language)) errors.Add("language", Message.Of("must be ru, de or en."));
        // The address is read by a projection, past the marketer's mask: the system writes to it, the asker never sees it.
        string? address;
        string? preferred = null;
        if (input.ContactPersonId is { } personId)
        {
            var person = await db.ContactPersons.Where(p => p.Id == personId && p.ClientId == clientId)
                .Select(p => new { p.Emails, p.PreferredLanguage }).SingleOrDefaultAsync(ct);
            if (person is null) errors.Add("contactPersonId", Message.Of("client {0} has no contact person {1}.", clientId, personId));
            address = person?.Emails.FirstOrDefault();
            preferred = person?.PreferredLanguage;
        }
        else address = await db.Clients.Where(c => c.Id == clientId).Select(c => c.Email).SingleAsync(ct);
        if (errors.Any) return PrivacyResult<ConsentRequestResponse>.Invalid(errors);
        if (string.IsNullOrWhiteSpace(address))
            return PrivacyResult<ConsentRequestResponse>.Conflict(Message.Of<PrivacyText>("There is no e-mail address to send the request to.").Render());

        var now = db.UtcNow;
        var personKey = input.ContactPersonId;
        var open = await db.Set<ConsentRequest>().AsNoTracking()
            .Where(r => r.ClientId == clientId && r.ContactPersonId == personKey && r.Purpose == input.Purpose && r.ConfirmedAt == null && r.ExpiresAt > now)
            .Select(r => (DateTime?)r.ExpiresAt).FirstOrDefaultAsync(ct);
        if (open is { } until)
            return PrivacyResult<ConsentRequestResponse>.Conflict(Message.Of<PrivacyText>("A request to this person is still open until {0}; it is not sent twice.", until.ToString("g", CultureInfo.CurrentCulture)).Render());
        var settings = await db.Set<MailSettings>().AsNoTracking().SingleOrDefaultAsync(ct);
        if (settings is not { IsConfigured: true })
            return PrivacyResult<ConsentRequestResponse>.Conflict(Message.Of<CampaignText>("No SMTP server is set up yet: the owner sets it under the campaign settings.").Render());

        language ??= preferred?.ToLowerInvariant() is { } own && Languages.Contains(own) ? own
            : Languages.Contains(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : "en";
        var request = new ConsentRequest
        {
            ClientId = clientId, ContactPersonId = input.ContactPersonId, Channel = ContactChannel.Email, Purpose = input.Purpose!.Value,
            Address = address.Trim(), Language = language, Text = string.IsNullOrEmpty(text) ? null : text, ConsentTextId = input.ConsentTextId,
            RequestedById = by, RequestedAt = now, ExpiresAt = now + Lifetime,
        };
        db.Add(request);
        await db.SaveChangesAsync(ct);

        var secrets = MailSecrets.Of(db);
        var url = settings.PublicUrl.TrimEnd('/') + "/consent/" + secrets.Sign(LinkPurpose, request.Id);
        var wording = await WordingAsync(db, request, ct);
        var mail = Compose(CultureInfo.GetCultureInfo(language), settings.FromName is { Length: > 0 } name ? name : settings.FromAddress, wording, url);
        await using (var transport = new MailTransport(settings, settings.ProtectedPassword is { } p ? secrets.Unprotect(p) : null))
        {
            var sent = await transport.SendAsync(MailComposer.Compose(settings, request.Address, mail, null, null), ct);
            if (sent.Outcome != Delivery.Accepted)
            {
                // Nothing was asked, so nothing is kept: the request row goes again.
                db.Remove(request);
                await db.SaveChangesAsync(ct);
                return PrivacyResult<ConsentRequestResponse>.Conflict(Message.Of<PrivacyText>("The mail server did not take the message: {0}", sent.Reply).Render());
            }
        }
        await audit.RecordAsync(new AuditEvent(AuditAction.ConsentChanged, by, nameof(ConsentRequest), request.Id, [clientId],
            $"requested {request.Channel}/{request.Purpose} by a confirmation link"), ct);
        return PrivacyResult<ConsentRequestResponse>.Ok(new ConsentRequestResponse(request.Id, request.ContactPersonId, request.Channel, request.Purpose,
            request.Language, request.RequestedAt, request.ExpiresAt));
    }

    private static async Task<string> WordingAsync(ClienteleDb db, ConsentRequest request, CancellationToken ct) =>
        request.Text ?? await db.Set<ConsentText>().Where(t => t.Id == request.ConsentTextId).Select(t => t.Body).SingleAsync(ct);

    private static RenderedMail Compose(CultureInfo language, string sender, string wording, string url)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var subject = Message.Of<PrivacyText>("Please confirm that {0} may write to you", sender).Render(language);
        var asks = Message.Of<PrivacyText>("{0} asks for your consent:", sender).Render(language);
        var open = Message.Of<PrivacyText>("To agree, open this link within {0} days and press the button:", (int)Lifetime.TotalDays).Render(language);
        var ignore = Message.Of<PrivacyText>("If you do not agree, ignore this mail: nothing will be recorded.").Render(language);
        var text = $"{asks}\n\n\"{wording}\"\n\n{open}\n{url}\n\n{ignore}\n";
        var html = $"<p>{E(asks)}</p><blockquote>{E(wording)}</blockquote><p>{E(open)}<br><a href=\"{E(url)}\">{E(url)}</a></p><p>{E(ignore)}</p>";
        return new RenderedMail(subject, html, text);
    }

    /// <summary>The person's pages, outside the API and without sign-in: the link's signature is the permission.</summary>
    public static IEndpointRouteBuilder MapConsentConfirmation(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/consent").AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        links.MapGet("/{token}", ShowAsync);
        links.MapPost("/{token}", ConfirmAsync);
        return app;
    }

    private static Task<IResult> ShowAsync(string token, HttpContext http, SystemScopes scopes, CancellationToken ct) =>
        WithOpenRequestAsync(token, http, scopes, async (_, db, request) =>
    {
        var wording = await WordingAsync(db, request, ct);
        var form = new StringBuilder()
            .Append("<blockquote id=\"consent-wording\">").Append(WebUtility.HtmlEncode(wording)).Append("</blockquote>")
            .Append("<form method=\"post\"><button type=\"submit\" id=\"confirm-consent\">")
            .Append(WebUtility.HtmlEncode(Message.Of<PrivacyText>("I agree").Render())).Append("</button></form>");
        return PublicPage.Render(http, HttpStatusCode.OK, Title(), Message.Of<PrivacyText>("Press the button to give your consent as worded below."), form.ToString());
    }, ct);

    private static Task<IResult> ConfirmAsync(string token, HttpContext http, SystemScopes scopes, CancellationToken ct) =>
        WithOpenRequestAsync(token, http, scopes, async (scope, db, request) =>
    {
        var from = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var writer = scope.GetRequiredService<ConsentWriter>();
        // A second click racing the first loses the claim inside the writer and is told it was already used.
        if (!await writer.ConfirmAsync(request, from, ct)) return Used(http);
        return PublicPage.Render(http, HttpStatusCode.OK, Title(), Message.Of<PrivacyText>("Thank you: your consent is recorded. You can withdraw it at any time."), "");
    }, ct);

    /// <summary>
    /// Runs <paramref name="open"/> for the open request the token names, in the request's language; a forged, used or
    /// expired link gets its page instead. The link's signature is the permission, so the scope is the system's.
    /// </summary>
    private static async Task<IResult> WithOpenRequestAsync(string token, HttpContext http, SystemScopes scopes,
        Func<IServiceProvider, ClienteleDb, ConsentRequest, Task<IResult>> open, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        if (await OpenAsync(db, token, ct) is not { } request) return Invalid(http);
        SpeakTo(request);
        if (Closed(db, request) is { } closed) return closed(http);
        return await open(scope.ServiceProvider, db, request);
    }

    /// <summary>The request a token names; null for a token this key did not sign.</summary>
    private static async Task<ConsentRequest?> OpenAsync(ClienteleDb db, string token, CancellationToken ct) =>
        token.Length > 64 || MailSecrets.Of(db).Verify(LinkPurpose, token) is not { } id ? null
            : await db.Set<ConsentRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>
    /// The page speaks the language the mail was written in, whatever the browser asks for. Set where every page of a
    /// request is rendered (<see cref="WithOpenRequestAsync"/>): a culture set inside an awaited method does not flow
    /// back to its caller.
    /// </summary>
    private static void SpeakTo(ConsentRequest request) =>
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(request.Language);

    private static Func<HttpContext, IResult>? Closed(ClienteleDb db, ConsentRequest request) =>
        request.ConfirmedAt is not null ? Used
        : request.ExpiresAt <= db.UtcNow ? http => PublicPage.Render(http, HttpStatusCode.Gone, Title(),
            Message.Of<PrivacyText>("This link has expired. Nothing was recorded; ask us for a new one if you want to agree."), "")
        : null;

    private static IResult Used(HttpContext http) => PublicPage.Render(http, HttpStatusCode.Conflict, Title(),
        Message.Of<PrivacyText>("This link has already been used: your answer is recorded, nothing more to do."), "");

    private static IResult Invalid(HttpContext http) => PublicPage.Render(http, HttpStatusCode.NotFound, Title(),
        Message.Of<PrivacyText>("This link is not valid. Use the link of the e-mail as it came; nothing was recorded."), "");

    private static string Title() => Message.Of<PrivacyText>("Consent to e-mail").Render();
}
