using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Clientele.Features.Audit;
using Clientele.Features.Company;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Pipeline;

/// <summary>
/// The public web form (<c>/f/{token}</c>): the first page of Clientele anyone on the internet reaches, so it takes no
/// sign-in, may be framed by any site, and refuses — storing nothing, auditing the refusal as a kind — a post that is
/// too big, too fast (a bot fills it in under <see cref="MinimumFill"/>), too old, fills the hidden honeypot field, comes
/// too often from one address or to one form, or lacks what a lead needs.
/// </summary>
public static class PublicLeadForm
{
    public static readonly TimeSpan MinimumFill = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MaximumFill = TimeSpan.FromHours(24);
    /// <summary>A form post of five short fields is a few hundred bytes; the note's 2,000 characters in UTF-8 stay well inside.</summary>
    public const int MaxBodyBytes = 16 * 1024;
    public const string Honeypot = "website";
    private const string Purpose = "Clientele.PublicLeadForm.v1";

    public static IEndpointRouteBuilder MapPublicLeadForm(this IEndpointRouteBuilder app)
    {
        var form = app.MapGroup("/f").AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        form.MapGet("/{token}", ShowAsync);
        form.MapPost("/{token}", PostAsync);
        return app;
    }

    /// <summary>The stamp the page carries: when it was served, for which form, protected so a bot cannot date it back.</summary>
    public static string StampOf(IServiceProvider services, long formId, DateTime servedAt) => PublicStamp.Of(services, Purpose, formId, servedAt);

    private static DateTime? ServedAt(IServiceProvider services, string? stamp, long formId) => PublicStamp.ServedAt(services, Purpose, stamp, formId);

    private static async Task<IResult> ShowAsync(string token, HttpContext http, ClienteleDb db, CancellationToken ct)
    {
        var form = await FormAsync(db, token, ct);
        if (form is null) return Page(http, HttpStatusCode.NotFound, Message.Of<PipelineText>("This form does not exist or is closed."), null, null);
        return Page(http, HttpStatusCode.OK, null, form, StampOf(http.RequestServices, form.Id, db.UtcNow));
    }

    private static async Task<IResult> PostAsync(string token, HttpContext http, ClienteleDb db, PublicFormGate gate, CancellationToken ct)
    {
        var form = await FormAsync(db, token, ct);
        if (form is null) return Page(http, HttpStatusCode.NotFound, Message.Of<PipelineText>("This form does not exist or is closed."), null, null);
        var (refusal, fields) = await PublicPost.ScreenAsync(http, gate, form.Id.ToString(CultureInfo.InvariantCulture), Purpose, form.Id, db.UtcNow, ct);
        if (refusal is not null) return await RefuseAsync(http, db, form, refusal.Status, refusal.Shown, refusal.Audited, ct);

        var input = new LeadInput { Name = fields!["name"], Company = fields["company"], Phone = fields["phone"], Email = fields["email"], Note = fields["note"] };
        var errors = new Errors();
        LeadsApi.CheckContact(errors, input, (await new CompanySettingsReader(db).GetAsync(ct)).DefaultPhoneRegion);
        if (errors.Any)
        {
            var (field, problem) = errors.All.First();
            return await RefuseAsync(http, db, form, HttpStatusCode.BadRequest, Message.Of<PipelineText>("{0}: {1}", Label(field), problem),
                Message.Of<PipelineText>("Public form post refused: the field {0} was not valid.", field), ct);
        }
        db.Leads.Add(new Lead
        {
            Name = input.Name!, Company = input.Company, Phone = input.Phone, Email = input.Email, Note = input.Note,
            Source = LeadSource.WebForm, FormId = form.Id, Status = LeadStatus.Open,
        });
        await db.SaveChangesAsync(ct);
        return Page(http, HttpStatusCode.OK, Message.Of<PipelineText>("Thank you! We will contact you shortly."), null, null);
    }

    /// <summary>The label a visitor sees beside the field a refusal names.</summary>
    private static Message Label(string field) => field switch
    {
        "name" => Message.Of<PipelineText>("Your name"),
        "company" => Message.Of<PipelineText>("Company"),
        "phone" => Message.Of<PipelineText>("Phone"),
        "email" => Message.Of<PipelineText>("E-mail"),
        _ => Message.Of<PipelineText>("Your question"),
    };

    /// <summary>The form row, read past the signed-in user's scope: the public has none, and a form is no client's row.</summary>
    private static Task<LeadForm?> FormAsync(ClienteleDb db, string token, CancellationToken ct) =>
        token.Length is < 20 or > 43 ? Task.FromResult<LeadForm?>(null) : db.LeadForms.AsNoTracking().SingleOrDefaultAsync(f => f.Token == token && f.Active, ct);

    private static async Task<IResult> RefuseAsync(HttpContext http, ClienteleDb db, LeadForm form, HttpStatusCode status, Message shown, Message audited, CancellationToken ct)
    {
        await new AuditLog(db, http.RequestServices).RecordAsync(new AuditEvent(AuditAction.PublicPostRefused, Entity: nameof(LeadForm), EntityId: form.Id,
            Detail: audited.Encode()), ct);
        return Page(http, status, shown, status == HttpStatusCode.TooManyRequests ? null : form, status == HttpStatusCode.TooManyRequests ? null : StampOf(http.RequestServices, form.Id, db.UtcNow));
    }

    /// <summary>The page: the form (when given) under a message.</summary>
    private static IResult Page(HttpContext http, HttpStatusCode status, Message? message, LeadForm? form, string? stamp)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        if (form is not null)
        {
            html.Append("<h1>").Append(E(form.Name)).Append("</h1><form method=\"post\" id=\"lead-form\">")
                .Append("<input type=\"hidden\" name=\"stamp\" value=\"").Append(E(stamp!)).Append("\">")
                .Append("<label>").Append(E(Label("name").Render())).Append(" <input name=\"name\" required maxlength=\"200\" autocomplete=\"name\"></label>")
                .Append("<label>").Append(E(Label("company").Render())).Append(" <input name=\"company\" maxlength=\"200\" autocomplete=\"organization\"></label>")
                .Append("<label>").Append(E(Label("phone").Render())).Append(" <input name=\"phone\" type=\"tel\" maxlength=\"40\" autocomplete=\"tel\"></label>")
                .Append("<label>").Append(E(Label("email").Render())).Append(" <input name=\"email\" type=\"email\" maxlength=\"254\" autocomplete=\"email\"></label>")
                .Append("<label>").Append(E(Label("note").Render())).Append(" <textarea name=\"note\" rows=\"4\" maxlength=\"2000\"></textarea></label>")
                .Append(PublicPage.HoneypotField(Honeypot))
                .Append("<button type=\"submit\" id=\"send-lead\">").Append(E(Message.Of<PipelineText>("Send").Render())).Append("</button></form>");
        }
        return PublicPage.Render(http, status, form?.Name ?? "Clientele", message, html.ToString());
    }
}

/// <summary>
/// The frame of Clientele's public pages (the lead form, the survey link): plain HTML without script, framable by the
/// company's site, in the visitor's language, with the page's message above its body.
/// </summary>
public static class PublicPage
{
    public static IResult Render(HttpContext http, HttpStatusCode status, string title, Message? message, string body)
    {
        http.Response.Headers.Remove("X-Frame-Options");
        http.Response.Headers.ContentSecurityPolicy = "frame-ancestors *; base-uri 'none'; object-src 'none'; form-action 'self'; script-src 'none'; default-src 'none'; style-src 'unsafe-inline'";
        static string E(string text) => WebUtility.HtmlEncode(text);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(E(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(E(title)).Append("</title>")
            .Append("<style>body{font-family:sans-serif;max-width:32rem;margin:1rem auto;padding:0 1rem}label{display:block;margin:.6rem 0}input,textarea,select{width:100%;box-sizing:border-box;padding:.4rem}")
            .Append("fieldset{border:1px solid #ddd;margin:.8rem 0}.scale{display:flex;gap:.2rem;flex-wrap:wrap}.scale label{display:inline-block;margin:0;text-align:center}.scale input{width:auto}")
            .Append(".hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.message{padding:.5rem;background:#f4f4f4}</style></head><body>");
        if (message is not null) html.Append("<p class=\"message\" role=\"").Append(status == HttpStatusCode.OK ? "status" : "alert").Append("\" id=\"form-message\">").Append(E(message.Render())).Append("</p>");
        html.Append(body).Append("</body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, (int)status);
    }

    /// <summary>Hidden from people (off-screen, skipped by the keyboard and autofill); a bot fills every field it finds.</summary>
    public static string HoneypotField(string name) =>
        "<div class=\"hp\" aria-hidden=\"true\"><label>Website <input name=\"" + name + "\" tabindex=\"-1\" autocomplete=\"off\"></label></div>";
}

/// <summary>Why a public post was refused: what the visitor reads, and the kind the audit trail keeps.</summary>
public sealed record PublicRefusal(HttpStatusCode Status, Message Shown, Message Audited);

/// <summary>
/// The checks every anonymous post passes before its fields are read as the page's (ADR 025): the rate limits, the size
/// limit, the honeypot and the signed time-to-fill stamp. Every post counts against the limits, refused or not.
/// </summary>
public static class PublicPost
{
    public static async Task<(PublicRefusal? Refusal, IFormCollection? Fields)> ScreenAsync(
        HttpContext http, PublicFormGate gate, string door, string purpose, long id, DateTime now, CancellationToken ct)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!gate.Admit(door, address))
            return (new(HttpStatusCode.TooManyRequests, Message.Of<PipelineText>("Too many posts; please try again in a few minutes."),
                Message.Of<PipelineText>("Public form post refused: too many posts from one address or to the form.")), null);
        if (http.Request.ContentLength is not { } length || length > PublicLeadForm.MaxBodyBytes || !http.Request.HasFormContentType)
            return (new(HttpStatusCode.RequestEntityTooLarge, Message.Of<PipelineText>("The message is too long."),
                Message.Of<PipelineText>("Public form post refused: {0} bytes or not a form.", http.Request.ContentLength ?? -1)), null);
        var fields = await http.Request.ReadFormAsync(ct);
        if (!string.IsNullOrEmpty(fields[PublicLeadForm.Honeypot]))
            return (new(HttpStatusCode.BadRequest, Message.Of<PipelineText>("The form could not be accepted."),
                Message.Of<PipelineText>("Public form post refused: the hidden field was filled in.")), null);
        var servedAt = PublicStamp.ServedAt(http.RequestServices, purpose, fields["stamp"], id);
        var elapsed = now - servedAt;
        if (servedAt is null || elapsed > PublicLeadForm.MaximumFill)
            return (new(HttpStatusCode.BadRequest, Message.Of<PipelineText>("The form has expired; please reload the page and send it again."),
                Message.Of<PipelineText>("Public form post refused: its stamp is missing, forged or older than a day.")), null);
        if (elapsed < PublicLeadForm.MinimumFill)
            return (new(HttpStatusCode.BadRequest, Message.Of<PipelineText>("The form was sent too quickly; please check it and send it again."),
                Message.Of<PipelineText>("Public form post refused: sent {0} seconds after the page was served.", Math.Round(elapsed.Value.TotalSeconds, 1))), null);
        return (null, fields);
    }
}

/// <summary>
/// The signed time-to-fill stamp of a public page (the lead form, the survey link): when the page was served and for
/// which record, protected with ASP.NET data protection under the page's own purpose, so it can be neither dated back
/// nor moved to another record or another kind of page.
/// </summary>
public static class PublicStamp
{
    public static string Of(IServiceProvider services, string purpose, long id, DateTime servedAt) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose)
            .Protect(string.Create(CultureInfo.InvariantCulture, $"{id}:{servedAt.Ticks}"));

    /// <summary>When the page was served, or null for a stamp that is missing, forged or another record's.</summary>
    public static DateTime? ServedAt(IServiceProvider services, string purpose, string? stamp, long id)
    {
        if (string.IsNullOrEmpty(stamp) || stamp.Length > 1000) return null;
        try
        {
            var parts = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose).Unprotect(stamp).Split(':');
            return parts.Length == 2 && parts[0] == id.ToString(CultureInfo.InvariantCulture) && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks)
                ? new DateTime(ticks, DateTimeKind.Utc) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// The public form's rate limits, kept in memory (a restart forgets them, which only restarts the windows): per
/// address and form <see cref="PerAddress"/> posts in <see cref="AddressWindow"/>, per form <see cref="PerForm"/> in
/// <see cref="FormWindow"/>. Every post counts, refused or not: a flood of bad posts is still a flood.
/// </summary>
public sealed class PublicFormGate(TimeProvider clock)
{
    public const int PerAddress = 5;
    public static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(10);
    public const int PerForm = 200;
    public static readonly TimeSpan FormWindow = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Queue<DateTime>> _posts = new(StringComparer.Ordinal);

    public bool Admit(long formId, string address) => Admit(formId.ToString(CultureInfo.InvariantCulture), address);

    /// <param name="door">What is posted to: a form's id, or another public page's name (the survey links share "survey").</param>
    public bool Admit(string door, string address)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_posts.Count > 100_000) _posts.Clear(); // a spray of addresses must not grow memory without bound
        var byAddress = Take(door + "|" + address, now, AddressWindow, PerAddress);
        var byForm = Take(door, now, FormWindow, PerForm);
        return byAddress && byForm;
    }

    private bool Take(string key, DateTime now, TimeSpan window, int limit)
    {
        var times = _posts.GetOrAdd(key, _ => new Queue<DateTime>());
        lock (times)
        {
            while (times.Count > 0 && now - times.Peek() >= window) times.Dequeue();
            if (times.Count >= limit) return false;
            times.Enqueue(now);
            return true;
        }
    }
}
