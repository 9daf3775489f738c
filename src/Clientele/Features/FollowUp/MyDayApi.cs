using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.FollowUp;

public static class MyDayApi
{
    public static RouteGroupBuilder MapMyDay(this RouteGroupBuilder api)
    {
        api.MapGet("/my-day", async Task<Ok<MyDayView>> (HttpContext http, ClienteleDb db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await MyDay.LoadAsync(db, CurrentUser.IdOf(http.User) ?? 0, clock, ct)))
            .WithTags("Follow-up").WithName("GetMyDay")
            .AuditsClientRows(value => value is MyDayView day ? ClientIdsOf(day) : null)
            .WithSummary("The caller's day: tasks due today or overdue, their open deals expected to close this week, their clients' survey answers below 7 with no call since, referrals of their clients not yet contacted, the loop items they own that are past their due day and not fixed, and the deliveries of their deals late and still open.");
        return api;
    }

    /// <summary>The clients the day names: audited alike by the API and <see cref="MyDayPage"/>.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(MyDayView day) =>
        [.. day.Tasks.Select(t => t.ClientId).Concat(day.Deals.Select(d => d.ClientId)).Concat(day.Unhappy.Select(a => a.ClientId)).Concat(day.Referrals.Select(r => r.ReferrerClientId))
            .Concat(day.OverdueItems.Select(i => i.ClientId)).Concat(day.LateDeliveries.Select(d => d.ClientId)).Distinct()];
}
