using System.Net;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Features.Privacy;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Campaigns;

/// <summary>
/// Campaigns: marketers (and the owner) build, preview, test and launch them; the owner sets the SMTP server and the
/// contact policy; managers see what their clients received on the card. The unsubscribe link needs no sign-in.
/// </summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaigns(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns").AllowRoles(EmployeeRole.Owner, EmployeeRole.Marketer);
        campaigns.MapGet("/", (CampaignService s, CancellationToken ct) => s.ListAsync(ct)).WithName("ListCampaigns").WithSummary("Every campaign, newest first.");
        campaigns.MapPost("/", CreateAsync).WithName("CreateCampaign")
            .WithSummary("Creates a draft: name, audience (groupId, abcClass, loyaltyStage, atRiskOnly), templates per language (Liquid; subject, html, text), holdoutPercent, overCap.");
        campaigns.MapGet("/{id:long}", GetAsync).WithName("GetCampaign").WithSummary("One campaign.");
        campaigns.MapPut("/{id:long}", UpdateAsync).WithName("UpdateCampaign").WithSummary("Changes a draft; a launched campaign is 409.");
        campaigns.MapGet("/{id:long}/preview", PreviewAsync).WithName("PreviewCampaign")
            .AuditsClientRows(value => value is CampaignPreview preview ? [.. preview.ExcludedContacts.Select(e => e.ClientId).Distinct()] : null)
            .WithSummary("What a launch would do now: audience, recipients, sent now, postponed and skipped by the contact policy, holdout, and the excluded contacts with the reason.");
        campaigns.MapPost("/{id:long}/launch", LaunchAsync).WithName("LaunchCampaign")
            .WithSummary("Writes the campaign's messages into the outbox in one transaction; the sender sends them. 400 when it would reach nobody; 202 when it sends more than the owner's approval size and now waits for the owner.");
        campaigns.MapPost("/{id:long}/approval", DecideAsync).AllowRoles(EmployeeRole.Owner).WithName("DecideCampaignApproval")
            .WithSummary("The owner approves ({\"approve\": true}) or refuses a campaign waiting for approval; a refused one is a draft again. 409 when it is not waiting.");
        campaigns.MapPost("/{id:long}/test-send", TestSendAsync).WithName("TestSendCampaign").WithSummary("Sends the campaign with example values to the caller's own address.");
        campaigns.MapGet("/{id:long}/report", ReportAsync).WithName("CampaignReport")
            .WithSummary("Sent, failed, bounced, postponed, skipped by cap, opted out, and revenue of the recipients against the holdout within the window.");
        campaigns.MapGet("/contact-policy", (CampaignSettingsStore s, CancellationToken ct) => s.PolicyAsync(ct)).WithName("GetContactPolicy")
            .WithSummary("The caps per contact person (7 and 30 days, across channels) and the quiet hours.");

        var owner = api.MapGroup("/campaign-settings").WithTags("Campaigns").AllowRoles(EmployeeRole.Owner);
        owner.MapGet("/mail", (CampaignSettingsStore s, CancellationToken ct) => s.MailAsync(ct)).WithName("GetMailSettings")
            .WithSummary("The SMTP server; the password is never shown, only whether one is stored.");
        owner.MapPut("/mail", SaveMailAsync).WithName("SaveMailSettings").WithSummary("Sets the SMTP server; a password left out keeps the stored one.");
        owner.MapPost("/mail/test-send", TestMailAsync).WithName("TestMailSettings")
            .WithSummary("Sends a short message through the stored SMTP settings to the caller's own address.");
        owner.MapPut("/contact-policy", SavePolicyAsync).WithName("SaveContactPolicy").WithSummary("Sets the caps and quiet hours.");

        api.MapGet("/clients/{id:long}/campaign-messages", OfClientAsync).WithTags("Campaigns")
            .AllowRoles(EmployeeRole.Owner, EmployeeRole.Manager, EmployeeRole.Marketer).WithName("ClientCampaignMessages")
            .WithSummary("The campaign messages the client's contact persons received or have queued, newest first.");
        api.MapCampaignChannels();
        return api;
    }

    /// <summary>The recipient's pages, outside the API and without sign-in: the link's signature is the permission.</summary>
    public static void MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/unsubscribe/{token}", (string token, IStringLocalizer<CampaignText> text) => Page(text,
                text["Unsubscribe"], text["Press the button to receive no more marketing e-mail from us."], token))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/unsubscribe/{token}", UnsubscribeAsync).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> UnsubscribeAsync(string token, SystemScopes scopes, IStringLocalizer<CampaignText> text, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await Unsubscribe.RunAsync(scope.ServiceProvider.GetRequiredService<ClienteleDb>(), scope.ServiceProvider.GetRequiredService<ConsentWriter>(), token, ct);
        return result == Unsubscribe.Result.Invalid
            ? Page(text, text["Unsubscribe"], text["This link is not valid. Use the link of the e-mail as it came."], null, StatusCodes.Status404NotFound)
            : Page(text, text["Unsubscribed"], text["You will receive no more marketing e-mail from us."], null);
    }

    private static IResult Page(IStringLocalizer<CampaignText> text, string title, string body, string? token, int status = StatusCodes.Status200OK)
    {
        var form = token is null ? "" :
            $"<form method=\"post\" action=\"/unsubscribe/{WebUtility.HtmlEncode(token)}\"><button type=\"submit\">{WebUtility.HtmlEncode(text["Unsubscribe"])}</button></form>";
        var html = $"<!DOCTYPE html><html lang=\"{System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>"
            + $"<body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(body)}</p>{form}</body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static async Task<Results<Created<CampaignResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(CampaignInput input, CampaignService s, CancellationToken ct) =>
        await s.SaveAsync(null, input, ct) switch
        {
            CampaignOutcome<CampaignResponse>.Done d => TypedResults.Created($"/api/v1/campaigns/{d.Value.Id}", d.Value),
            CampaignOutcome<CampaignResponse>.Invalid i => ApiConventions.Invalid(i.Errors),
            var other => Problem(other),
        };

    private static async Task<Results<Ok<CampaignResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(long id, CampaignInput input, CampaignService s, CancellationToken ct) =>
        await s.SaveAsync(id, input, ct) switch
        {
            CampaignOutcome<CampaignResponse>.Done d => TypedResults.Ok(d.Value),
            CampaignOutcome<CampaignResponse>.Invalid i => ApiConventions.Invalid(i.Errors),
            CampaignOutcome<CampaignResponse>.NotFound => ApiConventions.NotFound("Campaign", id),
            var other => Problem(other),
        };

    private static ProblemHttpResult Problem<T>(CampaignOutcome<T> outcome) => outcome switch
    {
        CampaignOutcome<T>.Conflict c => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: c.Why.Render()),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: Message.Of<CampaignText>("There is no such campaign.").Render()),
    };

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> GetAsync(long id, CampaignService s, CancellationToken ct) =>
        await s.FindAsync(id, ct) is { } c ? TypedResults.Ok(CampaignResponse.Of(c)) : ApiConventions.NotFound("Campaign", id);

    private static async Task<Results<Ok<CampaignPreview>, ProblemHttpResult>> PreviewAsync(long id, CampaignService s, CancellationToken ct) =>
        await s.PreviewAsync(id, ct) is { } p ? TypedResults.Ok(p) : ApiConventions.NotFound("Campaign", id);

    private static async Task<Results<Ok<CampaignPreview>, Accepted<CampaignPreview>, ValidationProblem, ProblemHttpResult>> LaunchAsync(long id, CampaignService s, CancellationToken ct) =>
        await s.LaunchAsync(id, ct) switch
        {
            CampaignOutcome<CampaignPreview>.Done d => TypedResults.Ok(d.Value),
            CampaignOutcome<CampaignPreview>.Waiting w => TypedResults.Accepted($"/api/v1/campaigns/{id}", w.Value),
            CampaignOutcome<CampaignPreview>.Invalid i => ApiConventions.Invalid(i.Errors),
            var other => Problem(other),
        };

    private static async Task<Results<Ok<CampaignResponse>, ValidationProblem, ProblemHttpResult>> DecideAsync(long id, CampaignApprovalInput input, CampaignService s, CancellationToken ct) =>
        await s.DecideAsync(id, input, ct) switch
        {
            CampaignOutcome<CampaignResponse>.Done d => TypedResults.Ok(d.Value),
            CampaignOutcome<CampaignResponse>.Invalid i => ApiConventions.Invalid(i.Errors),
            var other => Problem(other),
        };

    private static async Task<Results<Ok<TestSendResponse>, ProblemHttpResult>> TestMailAsync(CampaignSettingsStore s, CancellationToken ct) =>
        await s.TestMailAsync(ct) switch
        {
            CampaignOutcome<TestSendResponse>.Done d => TypedResults.Ok(d.Value),
            var other => Problem(other),
        };

    private static async Task<Results<Ok<TestSendResponse>, ProblemHttpResult>> TestSendAsync(long id, CampaignService s, CancellationToken ct) =>
        await s.TestSendAsync(id, ct) switch
        {
            CampaignOutcome<TestSendResponse>.Done d => TypedResults.Ok(d.Value),
            var other => Problem(other),
        };

    private static async Task<Results<Ok<CampaignReport>, ProblemHttpResult>> ReportAsync(long id, CampaignService s, CancellationToken ct) =>
        await s.ReportAsync(id, ct) is { } r ? TypedResults.Ok(r) : ApiConventions.NotFound("Campaign", id);

    private static async Task<Results<Ok<MailSettingsResponse>, ValidationProblem>> SaveMailAsync(MailSettingsInput input, CampaignSettingsStore s, CancellationToken ct)
    {
        var (saved, errors) = await s.SaveMailAsync(input, ct);
        return saved is not null ? TypedResults.Ok(saved) : ApiConventions.Invalid(errors);
    }

    private static async Task<Results<Ok<ContactPolicyResponse>, ValidationProblem>> SavePolicyAsync(ContactPolicyInput input, CampaignSettingsStore s, CancellationToken ct)
    {
        var (saved, errors) = await s.SavePolicyAsync(input, ct);
        return saved is not null ? TypedResults.Ok(saved) : ApiConventions.Invalid(errors);
    }

    private static async Task<Results<Ok<ClientCampaignMessage[]>, ProblemHttpResult>> OfClientAsync(long id, CampaignService s, CancellationToken ct) =>
        await s.OfClientAsync(id, ct) is { } rows ? TypedResults.Ok(rows) : ApiConventions.NotFound("Client", id);
}
