using System.Globalization;
using System.Security.Claims;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Privacy;

/// <summary>
/// Personal-data law: consents per channel and purpose, the right of access, erasure, and (under /privacy) the breach
/// register, the retention setting, erasure records and consent wordings.
/// </summary>
public static class PrivacyApi
{
    public static RouteGroupBuilder MapPrivacy(this RouteGroupBuilder api)
    {
        var client = api.MapGroup("/clients/{id:long}").WithTags("Privacy");
        // Marketers read consent state to know whom they may contact; they never record it: a consent unmasks a
        // contact for them, so it is recorded by whoever received it (the manager, the owner), see ConsentWriter.
        var consents = client.MapGroup("/consents").AllowRoles(EmployeeRole.Owner, EmployeeRole.Manager, EmployeeRole.Marketer)
            .AllowWrites(EmployeeRole.Owner, EmployeeRole.Manager);
        consents.MapGet("/", ListConsentsAsync).WithSummary("The current consent per subject, channel and purpose, and every consent record, newest first.");
        consents.MapPost("/", GiveAsync).WithSummary("Records a consent: channel, purpose, source, and the exact wording (text) or a stored version (consentTextId). "
            + "Over a refusal (the current record withdrawn) only the owner may, with a stated source (not Other or Import); a manager gets 409.");
        consents.MapPost("/{consentId:long}/withdraw", WithdrawAsync).WithSummary("Withdraws a consent; the body {source} may be left out.");
        // Asking is not recording: the consent exists only once the person clicks the mail's link, so a marketer may ask.
        client.MapPost("/consent-requests", RequestAsync).AllowRoles(EmployeeRole.Owner, EmployeeRole.Manager, EmployeeRole.Marketer)
            .WithSummary("Mails the person (contactPersonId, or the client itself) a link to confirm a consent to e-mail: purpose, and the wording (text) or a stored version (consentTextId); "
                + "language (ru, de, en) defaults to the person's. The click records the consent with source ConfirmationLink. 409 without an address, an SMTP server, or while a request is open.");
        client.MapGet("/personal-data", ExportAsync).AllowRoles(EmployeeRole.Owner, EmployeeRole.Manager)
            .WithSummary("Everything stored about the client (right of access): ?format=json (default) or html, a printable page.");
        client.MapPost("/erase", EraseAsync).AllowRoles(EmployeeRole.Owner)
            .WithSummary("Anonymises the client's personal data, keeping purchases and figures; {reason, requestReference, includeCompanyData}. 409 when already erased.");

        var privacy = api.MapGroup("/privacy").WithTags("Privacy");
        var owner = privacy.MapGroup("").AllowRoles(EmployeeRole.Owner);
        owner.MapGet("/breaches", (BreachRegister register, CancellationToken ct) => register.ListAsync(ct))
            .WithSummary("The breach register with the 24 h and 72 h notification deadlines and the time left on each.");
        owner.MapGet("/breaches/{breachId:long}", GetBreachAsync).WithName("GetBreach").WithSummary("One breach entry with its deadlines.");
        owner.MapPost("/breaches", RecordBreachAsync).WithSummary("Records a breach; the deadlines run from discoveredAt.");
        owner.MapPut("/breaches/{breachId:long}", CorrectBreachAsync).WithSummary("Corrects a breach entry (If-Match: its version); entries are never deleted.");
        owner.MapGet("/settings", async (ClienteleDb db, CancellationToken ct) => PrivacySettingsResponse.Of(await PrivacySettings.ReadAsync(db, ct)))
            .WithSummary("The retention period for inactive prospects in months (or off).");
        owner.MapPut("/settings", SaveSettingsAsync).WithSummary("The retention period for inactive prospects in months, or {retentionOff: true}.");
        owner.MapGet("/erasures", (ClienteleDb db, CancellationToken ct) => Erasure.RecordsAsync(db, null, ct)).WithSummary("Every erasure record, newest first.");
        privacy.MapGet("/consent-texts", (ClienteleDb db, CancellationToken ct) => ConsentTexts.ListAsync(db, ct))
            .AllowRoles(EmployeeRole.Owner, EmployeeRole.Manager, EmployeeRole.Marketer).WithSummary("The stored consent wordings, every version.");
        privacy.MapPost("/consent-texts", AddConsentTextAsync).AllowRoles(EmployeeRole.Owner).WithSummary("Stores a new version of a consent wording.");
        return api;
    }

    private static long? Me(ClaimsPrincipal user) => CurrentUser.IdOf(user);

    private static async Task<Results<Ok<ClientConsentsResponse>, ProblemHttpResult>> ListConsentsAsync(long id, ConsentWriter writer, CancellationToken ct) =>
        await writer.ListAsync(id, ct) is { } list ? TypedResults.Ok(list) : ApiConventions.NotFound("Client", id);

    private static async Task<Results<Created<ConsentRecordResponse>, ValidationProblem, ProblemHttpResult>> GiveAsync(
        long id, GiveConsentInput input, ConsentWriter writer, ClaimsPrincipal user, CancellationToken ct) =>
        (await writer.GiveAsync(id, input, Me(user), ct)).Answer(r => TypedResults.Created($"/api/v1/clients/{id}/consents", r));

    private static async Task<Results<Created<ConsentRequestResponse>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        long id, RequestConsentInput input, ClienteleDb db, AuditLog audit, ClaimsPrincipal user, CancellationToken ct) =>
        (await ConsentConfirmation.RequestAsync(db, audit, id, input, Me(user), ct)).Answer(r => TypedResults.Created($"/api/v1/clients/{id}/consent-requests/{r.Id}", r));

    private static async Task<Results<Ok<ConsentRecordResponse>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        long id, long consentId, WithdrawConsentInput? input, ConsentWriter writer, ClaimsPrincipal user, CancellationToken ct) =>
        (await writer.WithdrawAsync(id, consentId, input?.Source, Me(user), ct)).Answer(TypedResults.Ok);

    private static async Task<IResult> ExportAsync(long id, string? format, ClienteleDb db, ConsentWriter consents, AuditLog audit,
        IStringLocalizer<PrivacyText> text, ClaimsPrincipal user, CancellationToken ct)
    {
        var kind = (format ?? "json").Trim().ToLowerInvariant();
        if (kind is not ("json" or "html")) return ApiConventions.Invalid("format", Message.Of("must be json or html."));
        var data = await PersonalDataExport.LoadAsync(db, consents, id, ct);
        if (data is null) return ApiConventions.NotFound("Client", id);
        await audit.RecordAsync(new AuditEvent(AuditAction.PersonalDataExported, Me(user), "Client", id, [id], kind), ct);
        return kind == "html"
            ? TypedResults.Content(PersonalDataHtml.Render(data, text, CultureInfo.CurrentUICulture), "text/html; charset=utf-8")
            : TypedResults.Ok(data);
    }

    private static async Task<Results<Ok<ErasureRecordResponse>, ValidationProblem, ProblemHttpResult>> EraseAsync(
        long id, EraseInput input, ClienteleDb db, AuditLog audit, IStringLocalizer<PrivacyText> text, ClaimsPrincipal user, CancellationToken ct) =>
        (await Erasure.EraseAsync(db, audit, id, input, ErasureTrigger.Request, Me(user), ErasureWording.From(text), ct)).Answer(TypedResults.Ok);

    private static async Task<Results<Ok<BreachResponse>, ProblemHttpResult>> GetBreachAsync(long breachId, BreachRegister register, HttpContext http, CancellationToken ct)
    {
        if (await register.GetAsync(breachId, ct) is not { } breach) return ApiConventions.NotFound("Breach", breachId);
        http.Response.Headers.ETag = ApiConventions.ETag(breach.Version);
        return TypedResults.Ok(breach);
    }

    private static async Task<Results<CreatedAtRoute<BreachResponse>, ValidationProblem, ProblemHttpResult>> RecordBreachAsync(
        BreachInput input, BreachRegister register, ClaimsPrincipal user, CancellationToken ct) =>
        (await register.RecordAsync(input, Me(user), ct)).Answer(b => TypedResults.CreatedAtRoute(b, "GetBreach", new { breachId = b.Id }));

    private static async Task<Results<Ok<BreachResponse>, ValidationProblem, ProblemHttpResult>> CorrectBreachAsync(
        long breachId, BreachInput input, BreachRegister register, HttpRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        (await register.CorrectAsync(breachId, input, ApiConventions.IfMatch(request), Me(user), ct)).Answer(TypedResults.Ok);

    private static async Task<Results<Ok<PrivacySettingsResponse>, ValidationProblem, ProblemHttpResult>> SaveSettingsAsync(
        PrivacySettingsInput input, ClienteleDb db, CancellationToken ct) =>
        (await PrivacySettingsStore.SaveAsync(db, input, ct)).Answer(TypedResults.Ok);

    private static async Task<Results<Created<ConsentTextResponse>, ValidationProblem, ProblemHttpResult>> AddConsentTextAsync(
        ConsentTextInput input, ClienteleDb db, ClaimsPrincipal user, CancellationToken ct) =>
        (await ConsentTexts.AddAsync(db, input, Me(user), ct)).Answer(t => TypedResults.Created($"/api/v1/privacy/consent-texts/{t.Id}", t));
}
