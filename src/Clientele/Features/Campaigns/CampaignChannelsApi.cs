using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.Campaigns;

/// <summary>
/// The channels beside e-mail (ADR 038): the owner sets the SMS gateway (the secret never shown back) from a preset or
/// by hand; the call list's lines are read by those who read campaign reports (a manager sees their clients' calls),
/// and a call's result is recorded by the owner or the client's manager.
/// </summary>
public static class CampaignChannelsApi
{
    public static RouteGroupBuilder MapCampaignChannels(this RouteGroupBuilder api)
    {
        var owner = api.MapGroup("/campaign-settings").WithTags("Campaigns").AllowRoles(EmployeeRole.Owner);
        owner.MapGet("/sms", (SmsGatewayStore s, CancellationToken ct) => s.GetAsync(ct)).WithName("GetSmsGateway")
            .WithSummary("The SMS gateway's request shape; the secret is never shown, only whether one is stored.");
        owner.MapPut("/sms", SaveSmsAsync).WithName("SaveSmsGateway")
            .WithSummary("Sets the SMS gateway: a preset (Generic, SmsRu, Seven) fills what is left out; a secret left out keeps the stored one.");
        owner.MapGet("/sms/presets", () => SmsPreset.All).WithName("SmsGatewayPresets").WithSummary("The ready request shapes.");

        var calls = api.MapGroup("/campaign-calls").WithTags("Campaigns");
        calls.MapGet("/{campaignId:long}", ListCallsAsync).AllowRoles(EmployeeRole.Owner, EmployeeRole.Manager, EmployeeRole.Marketer).WithName("CampaignCalls")
            .AuditsClientRows(value => value is List<CallListRow> rows ? [.. rows.Select(r => r.ClientId).Distinct()] : null)
            .WithSummary("A call-list campaign's calls the caller may see: client, contact person, manager, due time and result.");
        calls.MapPost("/{id:long}/result", RecordAsync).AllowRoles(EmployeeRole.Owner, EmployeeRole.Manager).WithName("RecordCampaignCall")
            .WithSummary("Records a call's result (Reached, NoAnswer, CallBack, NotInterested) and a note: an outbound call interaction, the task done. 409 when recorded already.");
        return api;
    }

    private static async Task<Results<Ok<SmsGatewayResponse>, ValidationProblem>> SaveSmsAsync(SmsGatewayInput input, SmsGatewayStore s, CancellationToken ct)
    {
        var (saved, errors) = await s.SaveAsync(input, ct);
        return saved is not null ? TypedResults.Ok(saved) : ApiConventions.Invalid(errors);
    }

    private static async Task<Ok<List<CallListRow>>> ListCallsAsync(long campaignId, ClienteleDb db, CancellationToken ct) =>
        TypedResults.Ok(await CallList.RowsAsync(db, campaignId, ct));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RecordAsync(long id, CallResultInput input, ClienteleDb db, CancellationToken ct)
    {
        var (outcome, errors) = await CallList.RecordAsync(db, id, input, db.Access.ViewerId > 0 ? db.Access.ViewerId : null, ct);
        if (errors.Any) return ApiConventions.Invalid(errors);
        return outcome switch
        {
            CallList.Recorded.Done => TypedResults.NoContent(),
            CallList.Recorded.NotFound => ApiConventions.NotFound("Call", id),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Message.Of<ChannelText>("The call's result is recorded already.").Render()),
        };
    }
}
