using System.Security.Claims;
using Clientele.Features.Audit;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Identity;

public sealed record CodeRequest(string? Code);
public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);
public sealed record SessionRow(string Id, DateTime CreatedAt, DateTime LastSeenAt, DateTime IdleExpiresAt, DateTime AbsoluteExpiresAt,
    string? Ip, string? UserAgent, string Method, bool Current);
public sealed record TokenRow(long Id, string Name, DateTime CreatedAt, DateTime? LastUsedAt);

/// <summary>The caller's own security: two-factor enrolment, sessions, API tokens. Every role; each sees only their own.</summary>
public static class AccountSecurityApi
{
    public static IEndpointRouteBuilder MapAccountSecurityApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/v1/account").AllowRoles(RoleAccess.Everyone).WithTags("Account");
        account.MapGet("/2fa", Status).WithName("GetTwoFactorStatus").WithSummary("Whether the caller's two-factor sign-in is on and how many recovery codes are left.");
        account.MapPost("/2fa/setup", Setup).RequireRateLimiting(SignInSetup.RateLimitPolicy).WithName("BeginTwoFactorSetup")
            .WithSummary("Starts enrolling an authenticator app: a new secret and its otpauth URI; 409 when two-factor sign-in is already on.");
        account.MapPost("/2fa/enable", Enable).RequireRateLimiting(SignInSetup.RateLimitPolicy).WithName("EnableTwoFactor")
            .WithSummary("Switches two-factor sign-in on with a code from the authenticator app; answers the recovery codes, shown this once.");
        account.MapPost("/2fa/disable", Disable).RequireRateLimiting(SignInSetup.RateLimitPolicy).WithName("DisableTwoFactor")
            .WithSummary("Switches two-factor sign-in off; needs a current authenticator or recovery code.");
        account.MapPost("/2fa/recovery-codes", RenewCodes).RequireRateLimiting(SignInSetup.RateLimitPolicy).WithName("RenewRecoveryCodes")
            .WithSummary("Replaces the recovery codes with new ones (the old stop working); needs a current authenticator code.");
        account.MapGet("/sessions", Sessions).WithSummary("The caller's signed-in sessions: when, from which address and browser, and which one is this.");
        account.MapDelete("/sessions", EndOtherSessions).WithName("EndOtherSessions").WithSummary("Signs the caller out everywhere else; this session stays.");
        account.MapDelete("/sessions/{id}", EndSession).WithName("EndSession").WithSummary("Signs one of the caller's sessions out.");
        account.MapGet("/tokens", Tokens).WithSummary("The caller's API tokens (names and dates; the secret is shown only when a token is issued).");
        account.MapDelete("/tokens/{id:long}", RevokeToken).WithName("RevokeToken").WithSummary("Revokes one of the caller's API tokens at once.");
        return app;
    }

    private static async Task<Employee?> MeAsync(UserManager<Employee> users, ClaimsPrincipal principal) =>
        CurrentUser.IdOf(principal) is { } id ? await users.FindByIdAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;

    private static ProblemHttpResult Gone() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The signed-in user no longer exists.");

    private static async Task<Results<Ok<TwoFactorStatus>, ProblemHttpResult>> Status(ClaimsPrincipal principal, UserManager<Employee> users, TwoFactorEnrolment enrolment, CancellationToken ct) =>
        await MeAsync(users, principal) is { } me ? TypedResults.Ok(await enrolment.StatusAsync(me, ct)) : Gone();

    private static async Task<Results<Ok<AuthenticatorSetup>, ProblemHttpResult>> Setup(
        ClaimsPrincipal principal, UserManager<Employee> users, TwoFactorEnrolment enrolment, IStringLocalizer<SignInText> text, CancellationToken ct)
    {
        if (await MeAsync(users, principal) is not { } me) return Gone();
        return await enrolment.BeginAsync(me, ct) is { } setup
            ? TypedResults.Ok(setup)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["Two-factor sign-in is already on; switch it off first."]);
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, ValidationProblem, ProblemHttpResult>> Enable(
        CodeRequest input, ClaimsPrincipal principal, UserManager<Employee> users, TwoFactorEnrolment enrolment, IStringLocalizer<SignInText> text, CancellationToken ct)
    {
        if (await MeAsync(users, principal) is not { } me) return Gone();
        if (me.TwoFactorEnabled) return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["Two-factor sign-in is already on; switch it off first."]);
        var codes = await enrolment.ConfirmAsync(me, input.Code, SessionStore.IdOf(principal), ct);
        return codes is null ? ApiConventions.Invalid("code", Message.Of<SignInText>("The code is wrong, expired or already used.")) : TypedResults.Ok(new RecoveryCodesResponse(codes));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Disable(
        CodeRequest input, ClaimsPrincipal principal, UserManager<Employee> users, TwoFactorEnrolment enrolment, IStringLocalizer<SignInText> text, CancellationToken ct)
    {
        if (await MeAsync(users, principal) is not { } me) return Gone();
        return await enrolment.DisableAsync(me, input.Code, SessionStore.IdOf(principal), ct) switch
        {
            TwoFactorEnrolment.DisableOutcome.Disabled => TypedResults.NoContent(),
            TwoFactorEnrolment.DisableOutcome.Required => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["The owner requires two-factor sign-in for everyone."]),
            _ => ApiConventions.Invalid("code", Message.Of<SignInText>("The code is wrong, expired or already used.")),
        };
    }

    private static async Task<Results<Ok<RecoveryCodesResponse>, ValidationProblem, ProblemHttpResult>> RenewCodes(
        CodeRequest input, ClaimsPrincipal principal, UserManager<Employee> users, TwoFactorEnrolment enrolment, IStringLocalizer<SignInText> text, CancellationToken ct)
    {
        if (await MeAsync(users, principal) is not { } me) return Gone();
        var codes = await enrolment.RenewRecoveryCodesAsync(me, input.Code, ct);
        return codes is null ? ApiConventions.Invalid("code", Message.Of<SignInText>("The code is wrong, expired or already used.")) : TypedResults.Ok(new RecoveryCodesResponse(codes));
    }

    private static async Task<Ok<List<SessionRow>>> Sessions(ClaimsPrincipal principal, ClienteleDb db, TimeProvider clock, CancellationToken ct)
    {
        var me = CurrentUser.IdOf(principal);
        var current = SessionStore.IdOf(principal);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.EmployeeId == me && s.RevokedAt == null && s.IdleExpiresAt > now && s.AbsoluteExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionRow(s.Id, s.CreatedAt, s.LastSeenAt, s.IdleExpiresAt, s.AbsoluteExpiresAt, s.Ip, s.UserAgent, s.Method, s.Id == current))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }

    private static async Task<NoContent> EndOtherSessions(ClaimsPrincipal principal, ClienteleDb db, SessionStore sessions, AuditLog audit, CancellationToken ct)
    {
        if (CurrentUser.IdOf(principal) is { } me)
        {
            var ended = await sessions.EndAllAsync(db, me, SessionStore.IdOf(principal), ct);
            await audit.RecordAsync(new AuditEvent(AuditAction.SessionEnded, me, "Employee", me, Detail: "all other sessions", RowCount: ended), ct);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EndSession(string id, ClaimsPrincipal principal, ClienteleDb db, SessionStore sessions, AuditLog audit, CancellationToken ct)
    {
        if (CurrentUser.IdOf(principal) is not { } me || !await sessions.EndAsync(db, me, id, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"You have no active session {id}.");
        await audit.RecordAsync(new AuditEvent(AuditAction.SessionEnded, me, "Employee", me, Detail: "one session"), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<List<TokenRow>>> Tokens(ClaimsPrincipal principal, ClienteleDb db, CancellationToken ct)
    {
        var me = CurrentUser.IdOf(principal);
        return TypedResults.Ok(await db.ApiTokens.AsNoTracking().Where(t => t.EmployeeId == me && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt).Select(t => new TokenRow(t.Id, t.Name, t.CreatedAt, t.LastUsedAt)).ToListAsync(ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeToken(long id, ClaimsPrincipal principal, ClienteleDb db, TimeProvider clock, AuditLog audit, CancellationToken ct)
    {
        var me = CurrentUser.IdOf(principal);
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.ApiTokens.Where(t => t.Id == id && t.EmployeeId == me && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        if (revoked == 0) return ApiConventions.NotFound("Active API token", id);
        await audit.RecordAsync(new AuditEvent(AuditAction.SessionEnded, me, "ApiToken", id, Detail: "API token revoked"), ct);
        return TypedResults.NoContent();
    }
}
