using System.Globalization;
using System.Net;
using System.Text;
using Clientele.Features.Audit;
using Clientele.Features.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Surveys;

/// <summary>
/// The client's personal link to the three questions (<c>/s/{token}</c>): no sign-in, one answer, expires. It is
/// guarded as the public lead form is (ADR 025: rate limits per address and per link, a size limit, the
/// honeypot, the signed time-to-fill stamp), and every refused post is an audit entry; the page shows nothing of the
/// client but the questions.
/// </summary>
public static class PublicSurvey
{
    private const string Purpose = "Clientele.PublicSurvey.v1";
    /// <summary>Each link is its own door of the rate limits, as each lead form is: a link's token is unguessable, so a flood comes through one link.</summary>
    public static string DoorOf(long linkId) => "survey:" + linkId.ToString(CultureInfo.InvariantCulture);

    public static IEndpointRouteBuilder MapPublicSurvey(this IEndpointRouteBuilder app)
    {
        var links = app.MapGroup("/s").AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        links.MapGet("/{token}", ShowAsync);
        links.MapPost("/{token}", PostAsync);
        return app;
    }

    public static string StampOf(IServiceProvider services, long linkId, DateTime servedAt) => PublicStamp.Of(services, Purpose, linkId, servedAt);

    // The link is a client's row, which the public's empty scope does not see: the token is the permission, for that one client's answer.
    private static async Task<IResult> ShowAsync(string token, HttpContext http, SystemScopes scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        var link = await LinkAsync(db, token, ct);
        if (link is null) return NotFound(http);
        if (Closed(db, link) is { } closed) return Page(http, closed.Status, closed.Shown, null, null);
        return Page(http, HttpStatusCode.OK, null, link, StampOf(http.RequestServices, link.Id, db.UtcNow));
    }

    private static async Task<IResult> PostAsync(string token, HttpContext http, SystemScopes scopes, PublicFormGate gate, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        var link = await LinkAsync(db, token, ct);
        if (link is null) return NotFound(http);
        var (refusal, fields) = await PublicPost.ScreenAsync(http, gate, DoorOf(link.Id), Purpose, link.Id, db.UtcNow, ct);
        refusal ??= Closed(db, link);
        if (refusal is not null) return await RefuseAsync(http, db, link, refusal, ct);

        var input = new SurveyInput
        {
            ClientId = link.ClientId, Missing = fields!["missing"], ProductWish = fields["productWish"],
            ReferralName = fields["referralName"], ReferralPhone = fields["referralPhone"], ReferralEmail = fields["referralEmail"],
            Satisfaction = int.TryParse(fields["satisfaction"], NumberStyles.None, CultureInfo.InvariantCulture, out var score) ? score : null,
        };
        var outcome = await SurveyRecorder.RecordAsync(db, input, null, link, ct);
        if (outcome.Kind == OutcomeKind.Conflict) return await RefuseAsync(http, db, link, Answered, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            var (field, problem) = outcome.Errors!.All.First();
            return await RefuseAsync(http, db, link, new(HttpStatusCode.BadRequest, Message.Of<SurveyText>("{0}: {1}", Label(field), problem),
                Message.Of<SurveyText>("Survey link post refused: the field {0} was not valid.", field)), ct);
        }
        return Page(http, HttpStatusCode.OK, Message.Of<SurveyText>("Thank you for your answers!"), null, null);
    }

    private static readonly PublicRefusal Answered = new(HttpStatusCode.Conflict, Message.Of<SurveyText>("This survey has already been answered. Thank you!"),
        Message.Of<SurveyText>("Survey link post refused: the link was already answered."));

    /// <summary>Why the link takes no answer any more: answered, or expired; null while it is open.</summary>
    private static PublicRefusal? Closed(ClienteleDb db, SurveyLink link) =>
        link.AnswerId is not null ? Answered
        : link.ExpiresAt <= db.UtcNow ? new(HttpStatusCode.Gone, Message.Of<SurveyText>("This survey link has expired."),
            Message.Of<SurveyText>("Survey link post refused: the link expired on {0}.", link.ExpiresAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
        : null;

    private static Task<SurveyLink?> LinkAsync(ClienteleDb db, string token, CancellationToken ct) =>
        token.Length is < 20 or > 43 ? Task.FromResult<SurveyLink?>(null) : db.SurveyLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Token == token, ct);

    private static IResult NotFound(HttpContext http) => Page(http, HttpStatusCode.NotFound, Message.Of<SurveyText>("This survey link does not exist."), null, null);

    private static async Task<IResult> RefuseAsync(HttpContext http, ClienteleDb db, SurveyLink link, PublicRefusal refusal, CancellationToken ct)
    {
        await new AuditLog(db, http.RequestServices).RecordAsync(new AuditEvent(AuditAction.PublicPostRefused, Entity: nameof(SurveyLink), EntityId: link.Id,
            Detail: refusal.Audited.Encode()), ct);
        // A refusal the visitor can mend (a field, the stamp) shows the form again; a closed link or a flood does not.
        var again = refusal.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge;
        return Page(http, refusal.Status, refusal.Shown, again ? link : null, again ? StampOf(http.RequestServices, link.Id, db.UtcNow) : null);
    }

    /// <summary>The label a visitor sees beside the field a refusal names.</summary>
    private static Message Label(string field) => field switch
    {
        "satisfaction" => Message.Of<SurveyText>("How satisfied are you with us, from 0 to 10?"),
        "missing" => Message.Of<SurveyText>("What is missing for a 10?"),
        "productWish" => Message.Of<SurveyText>("Which product or service would make you more successful or happier?"),
        "referralName" => Message.Of<SurveyText>("Their name"),
        "referralPhone" => Message.Of<SurveyText>("Their phone"),
        _ => Message.Of<SurveyText>("Their e-mail"),
    };

    private static IResult Page(HttpContext http, HttpStatusCode status, Message? message, SurveyLink? link, string? stamp)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var title = Message.Of<SurveyText>("Three questions").Render();
        var html = new StringBuilder();
        if (link is not null)
        {
            html.Append("<h1>").Append(E(title)).Append("</h1><form method=\"post\" id=\"survey-form\">")
                .Append("<input type=\"hidden\" name=\"stamp\" value=\"").Append(E(stamp!)).Append("\">")
                .Append("<fieldset><legend>").Append(E(Label("satisfaction").Render())).Append("</legend><div class=\"scale\">");
            for (var score = 0; score <= SurveyRules.MaxSatisfaction; score++)
                html.Append("<label><input type=\"radio\" name=\"satisfaction\" required value=\"").Append(score).Append("\" id=\"score-").Append(score).Append("\"><br>").Append(score).Append("</label>");
            html.Append("</div></fieldset>")
                .Append("<label>").Append(E(Label("missing").Render())).Append(" <textarea name=\"missing\" rows=\"3\" maxlength=\"2000\"></textarea></label>")
                .Append("<label>").Append(E(Label("productWish").Render())).Append(" <textarea name=\"productWish\" rows=\"3\" maxlength=\"2000\"></textarea></label>")
                .Append("<fieldset><legend>").Append(E(Message.Of<SurveyText>("Do you know someone who might be interested? (optional)").Render())).Append("</legend>")
                .Append("<label>").Append(E(Label("referralName").Render())).Append(" <input name=\"referralName\" maxlength=\"200\"></label>")
                .Append("<label>").Append(E(Label("referralPhone").Render())).Append(" <input name=\"referralPhone\" type=\"tel\" maxlength=\"40\"></label>")
                .Append("<label>").Append(E(Label("referralEmail").Render())).Append(" <input name=\"referralEmail\" type=\"email\" maxlength=\"254\"></label></fieldset>")
                .Append(PublicPage.HoneypotField(PublicLeadForm.Honeypot))
                .Append("<button type=\"submit\" id=\"send-survey\">").Append(E(Message.Of<PipelineText>("Send").Render())).Append("</button></form>");
        }
        return PublicPage.Render(http, status, title, message, html.ToString());
    }
}
