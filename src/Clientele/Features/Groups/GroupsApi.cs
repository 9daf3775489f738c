using Clientele.Features.Analytics;
using Clientele.Features.Audit;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.Groups;

/// <summary>Client groups with their strategies; members by hand and by rule. Read by all, changed by the owner.</summary>
public static class GroupsApi
{
    public static RouteGroupBuilder MapGroups(this RouteGroupBuilder api)
    {
        // Writes: owner and marketer (segments are the marketer's work), declared where the group is mapped.
        var group = api.MapEntity("/groups", "Groups", GroupSpec.Instance, filter: null);
        group.MapGet("/", ListAsync)
            .WithSummary("Every group with its member counts: added by hand, matching the rule today, and both together.");
        group.MapGet("/{id:long}/clients", MembersAsync)
            .AuditsClientRows(value => value is GroupMembersResponse members ? ClientIdsOf(members.Items) : null)
            .WithSummary("The group's members by name (?offset=&limit=): those added by hand and those its rule matches today.");
        group.MapPut("/{id:long}/members/{clientId:long}", AddAsync).WithName("AddGroupMember")
            .WithSummary("Adds a client to the group by hand (owner only); adding a member again changes nothing.");
        group.MapDelete("/{id:long}/members/{clientId:long}", RemoveAsync).WithName("RemoveGroupMember")
            .WithSummary("Takes a client added by hand out of the group (owner only); a client the rule matches stays a member by rule.");
        api.MapGet("/clients/{id:long}/groups", OfClientAsync).WithTags("Groups")
            .WithSummary("The groups a client is in, by hand or by rule.");
        return api;
    }

    /// <summary>The clients a list of members names: what the members' endpoint and the group's page audit.</summary>
    public static IReadOnlyCollection<long> ClientIdsOf(IEnumerable<GroupMember> members) => [.. members.Select(m => m.ClientId)];

    private static async Task<Ok<GroupRow[]>> ListAsync(ClienteleDb db, AnalyticsService analytics, CancellationToken ct) =>
        TypedResults.Ok(await GroupMembership.ListAsync(db, await analytics.ReportAsync(null, ct), ct));

    private static async Task<Results<Ok<GroupMembersResponse>, ValidationProblem, ProblemHttpResult>> MembersAsync(
        long id, int? offset, int? limit, ClienteleDb db, AnalyticsService analytics, CancellationToken ct)
    {
        if (offset < 0) return ApiConventions.Invalid("offset", Message.Of("must not be negative."));
        var members = await GroupMembership.MembersAsync(db, await analytics.ReportAsync(null, ct), id, offset ?? 0, ApiConventions.Limit(limit), ct);
        return members is null ? ApiConventions.NotFound("Group", id) : TypedResults.Ok(members);
    }

    private static async Task<Results<Ok<ClientGroupMembership[]>, ProblemHttpResult>> OfClientAsync(
        long id, ClienteleDb db, AnalyticsService analytics, CancellationToken ct)
    {
        var groups = await GroupMembership.OfClientAsync(db, await analytics.ReportAsync(null, ct), id, ct);
        return groups is null ? ApiConventions.NotFound("Client", id) : TypedResults.Ok(groups);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AddAsync(long id, long clientId, ClienteleDb db, CancellationToken ct) =>
        Answer(await GroupMembership.AddAsync(db, id, clientId, ct), id, clientId);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(long id, long clientId, ClienteleDb db, CancellationToken ct) =>
        Answer(await GroupMembership.RemoveAsync(db, id, clientId, ct), id, clientId);

    private static Results<NoContent, ProblemHttpResult> Answer(MembershipChange change, long groupId, long clientId) => change switch
    {
        MembershipChange.NoGroup => ApiConventions.NotFound("Group", groupId),
        MembershipChange.NoClient => ApiConventions.NotFound("Client", clientId),
        MembershipChange.NotAMember => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
            title: $"Client {clientId} was not added to group {groupId} by hand."),
        _ => TypedResults.NoContent(),
    };
}
