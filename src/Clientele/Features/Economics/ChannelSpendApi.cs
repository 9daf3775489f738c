using Clientele.Analytics.Calendar;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.Economics;

/// <summary>What each acquisition channel cost per month: read by all, set by the owner.</summary>
public static class ChannelSpendApi
{
    public static RouteGroupBuilder MapChannelSpend(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/channel-spend").WithTags("Channel spend").RequireOwnerForWrites();
        group.MapGet("/", ListAsync)
            .WithSummary("Spend per channel and month (?from=YYYY-MM&to=YYYY-MM, both optional), in the base currency.");
        group.MapPut("/{channelId:long}/{month}", SetAsync)
            .WithSummary("Sets a channel's spend in a month (YYYY-MM), owner only. It is shared evenly by the clients the channel brought that month and becomes part of their acquisition cost.");
        group.MapDelete("/{channelId:long}/{month}", DeleteAsync)
            .WithSummary("Removes a channel's spend in a month (owner only).");
        return api;
    }

    private static async Task<Results<Ok<ChannelSpendList>, ValidationProblem>> ListAsync(
        string? from, string? to, ClienteleDb db, CompanySettingsReader company, CancellationToken ct)
    {
        var e = new Errors();
        int? first = null, last = null;
        if (from is not null) { if (MonthText.TryParse(from, out var f)) first = f; else e.Add("from", Message.Of("must be a month as YYYY-MM between 1990 and 2100.")); }
        if (to is not null) { if (MonthText.TryParse(to, out var t)) last = t; else e.Add("to", Message.Of("must be a month as YYYY-MM between 1990 and 2100.")); }
        if (first > last) e.Add("to", Message.Of("must not be before from."));
        if (e.Any) return ApiConventions.Invalid(e);
        return TypedResults.Ok(new ChannelSpendList((await company.GetAsync(ct)).BaseCurrency, await ChannelSpendWriter.ListAsync(db, first, last, ct)));
    }

    private static async Task<Results<Ok<ChannelSpendRow>, ValidationProblem, ProblemHttpResult>> SetAsync(
        long channelId, string month, ChannelSpendInput input, ClienteleDb db, CancellationToken ct)
    {
        if (!MonthText.TryParse(month, out var m)) return BadMonth();
        var outcome = await ChannelSpendWriter.SetAsync(db, channelId, m, input.Amount, ct);
        return outcome.Kind switch
        {
            OutcomeKind.NotFound => ApiConventions.NotFound("Acquisition channel", channelId),
            OutcomeKind.Invalid => ApiConventions.Invalid(outcome.Errors!),
            _ => TypedResults.Ok(ChannelSpendWriter.ToRow(outcome.Value!)),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(long channelId, string month, ClienteleDb db, CancellationToken ct)
    {
        if (!MonthText.TryParse(month, out var m)) return BadMonth();
        var outcome = await ChannelSpendWriter.DeleteAsync(db, channelId, m, ct);
        return outcome.Kind == OutcomeKind.NotFound
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No spend is recorded for channel {channelId} in {MonthIndex.Label(m)}.")
            : TypedResults.NoContent();
    }

    private static ValidationProblem BadMonth() => ApiConventions.Invalid("month", Message.Of("must be a month as YYYY-MM between 1990 and 2100."));
}
