using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.AnalyticsSettings;

/// <summary>ABC/XYZ thresholds, the activity window, the target client and the strategy table: read by all, set by the owner.</summary>
public static class AnalyticsSettingsApi
{
    public static RouteGroupBuilder MapAnalyticsSettings(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/analytics/settings").WithTags("Analytics settings").RequireOwnerForWrites();
        group.MapGet("/", GetAsync)
            .WithSummary("The analytics settings, with an ETag; strategy rules are the effective table (defaultStrategyRules tells whether it is the built-in one).");
        group.MapPut("/", PutAsync)
            .WithSummary("Replaces the analytics settings (owner only). Send If-Match with the ETag to avoid overwriting another change (412). "
                + "An empty strategyRules array restores the built-in table; a missing targetProfile removes the target client.");
        return api;
    }

    private static async Task<Ok<AnalyticsSettingsResponse>> GetAsync(ClienteleDb db, HttpContext http, CancellationToken ct)
    {
        var settings = await AnalyticsSettingsWriter.GetAsync(db, ct);
        http.Response.Headers.ETag = ApiConventions.ETag(settings.Version);
        return TypedResults.Ok(AnalyticsSettingsWriter.ToResponse(settings));
    }

    private static async Task<Results<Ok<AnalyticsSettingsResponse>, ValidationProblem, ProblemHttpResult>> PutAsync(
        AnalyticsSettingsInput input, ClienteleDb db, HttpContext http, CancellationToken ct)
    {
        var outcome = await AnalyticsSettingsWriter.SaveAsync(db, input, ApiConventions.IfMatch(http.Request), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Conflict: return ApiConventions.Stale(outcome.CurrentVersion);
            case OutcomeKind.Invalid: return ApiConventions.Invalid(outcome.Errors!);
        }
        http.Response.Headers.ETag = ApiConventions.ETag(outcome.Value!.Version);
        return TypedResults.Ok(AnalyticsSettingsWriter.ToResponse(outcome.Value));
    }
}
