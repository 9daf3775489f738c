using System.Security.Claims;
using System.Text.Json;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.Identity;

public sealed record SignInPolicyBody(int IdleTimeoutMinutes, int AbsoluteLifetimeHours, bool TwoFactorRequired);

/// <summary>The owner's user list and changes (role, active, team lead), and the sign-in policy.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").AllowRoles(EmployeeRole.Owner).WithTags("Users");
        users.MapGet("/", (UserAdministration admin, CancellationToken ct) => admin.ListAsync(ct))
            .WithSummary("Every user with role, team lead, whether active, two-factor sign-in, lockout and number of active sessions.");
        users.MapPost("/", Create)
            .WithSummary("Adds a user with an initial password (12 to 128 characters, not a common one); they sign in with it and change it on their profile. 409 when the e-mail is taken.");
        users.MapPatch("/{id:long}", Change).WithSummary("Changes a user's role, team lead or whether the account is active (any of them; the last active owner stays an owner).");
        var policy = app.MapGroup("/api/v1/sign-in-policy").AllowRoles(EmployeeRole.Owner).WithTags("Users");
        policy.MapGet("/", async (UserAdministration admin, CancellationToken ct) => ToBody(await admin.PolicyAsync(ct)))
            .WithSummary("The sign-in policy: idle timeout, absolute session lifetime and whether two-factor sign-in is required.");
        policy.MapPut("/", SavePolicy).WithSummary("Replaces the sign-in policy.");
        return app;
    }

    /// <summary>Body: <c>email</c>, <c>displayName</c> (optional), <c>role</c>, <c>password</c>.</summary>
    private static async Task<Results<Created<UserRow>, ValidationProblem, ProblemHttpResult>> Create(JsonElement body, UserAdministration admin, CancellationToken ct)
    {
        if (body.ValueKind != JsonValueKind.Object) return ApiConventions.Invalid("body", Message.Of("Send a JSON object."));
        string? email = null, name = null, password = null;
        EmployeeRole? role = null;
        foreach (var property in body.EnumerateObject())
        {
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            switch (property.Name.ToLowerInvariant())
            {
                case "email": email = text; break;
                case "displayname": name = text; break;
                case "password": password = text; break;
                case "role":
                    if (text is null || int.TryParse(text, out _) || !Enum.TryParse<EmployeeRole>(text, true, out var parsed) || !Enum.IsDefined(parsed))
                        return ApiConventions.Invalid("role", Message.Of("Use owner, manager, marketer or analyst."));
                    role = parsed;
                    break;
                default:
                    return ApiConventions.Invalid(property.Name, Message.Of<TeamText>("Only email, displayName, role and password can be given here."));
            }
        }
        var (outcome, field, message, row) = await admin.CreateAsync(new NewUser(email, name, role, password), ct);
        return outcome switch
        {
            UserAdministration.Outcome.Invalid => ApiConventions.Invalid(field!, message!),
            UserAdministration.Outcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: message?.Render()),
            _ => TypedResults.Created($"/api/v1/users/{row!.Id}", row),
        };
    }

    /// <summary>Body: any of <c>role</c> ("owner", "manager", "marketer", "analyst"), <c>isActive</c>, <c>teamLeadId</c> (null clears it).</summary>
    private static async Task<Results<Ok<UserRow>, ValidationProblem, ProblemHttpResult>> Change(
        long id, JsonElement body, ClaimsPrincipal principal, UserAdministration admin, CancellationToken ct)
    {
        if (body.ValueKind != JsonValueKind.Object) return ApiConventions.Invalid("body", Message.Of("Send a JSON object."));
        EmployeeRole? role = null;
        bool? active = null;
        long? lead = null;
        var clearLead = false;
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name.ToLowerInvariant())
            {
                case "role":
                    if (property.Value.ValueKind != JsonValueKind.String || !Enum.TryParse<EmployeeRole>(property.Value.GetString(), true, out var parsed) || !Enum.IsDefined(parsed)
                        || int.TryParse(property.Value.GetString(), out _))
                        return ApiConventions.Invalid("role", Message.Of("Use owner, manager, marketer or analyst."));
                    role = parsed;
                    break;
                case "isactive":
                    if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return ApiConventions.Invalid("isActive", Message.Of("Use true or false."));
                    active = property.Value.GetBoolean();
                    break;
                case "teamleadid":
                    if (property.Value.ValueKind == JsonValueKind.Null) clearLead = true;
                    else if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var l)) lead = l;
                    else return ApiConventions.Invalid("teamLeadId", Message.Of("Use a user id or null."));
                    break;
                default:
                    return ApiConventions.Invalid(property.Name, Message.Of("Only role, isActive and teamLeadId can be changed here."));
            }
        }
        var (outcome, field, message) = await admin.ChangeAsync(id, new UserChange(role, active, lead, clearLead), CurrentUser.IdOf(principal) ?? 0, ct);
        return outcome switch
        {
            UserAdministration.Outcome.NotFound => ApiConventions.NotFound("User", id),
            UserAdministration.Outcome.Invalid => ApiConventions.Invalid(field!, message!),
            UserAdministration.Outcome.Conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: message?.Render()),
            _ => TypedResults.Ok((await admin.ListAsync(ct)).Single(u => u.Id == id)),
        };
    }

    private static async Task<Results<Ok<SignInPolicyBody>, ValidationProblem>> SavePolicy(SignInPolicyBody body, UserAdministration admin, CancellationToken ct)
    {
        if (body.IdleTimeoutMinutes is < 1 or > 1440) return ApiConventions.Invalid("idleTimeoutMinutes", Message.Of("Use 1 to 1440 minutes."));
        if (body.AbsoluteLifetimeHours is < 1 or > 168) return ApiConventions.Invalid("absoluteLifetimeHours", Message.Of("Use 1 to 168 hours."));
        var policy = new SignInPolicy { IdleTimeoutMinutes = body.IdleTimeoutMinutes, AbsoluteLifetimeHours = body.AbsoluteLifetimeHours, TwoFactorRequired = body.TwoFactorRequired };
        await admin.SavePolicyAsync(policy, ct);
        return TypedResults.Ok(ToBody(policy));
    }

    private static SignInPolicyBody ToBody(SignInPolicy p) => new(p.IdleTimeoutMinutes, p.AbsoluteLifetimeHours, p.TwoFactorRequired);
}
