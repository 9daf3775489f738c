using System.Security.Claims;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Identity;

public sealed record SignInRequest(string? Email, string? Password, string? Code, string? RecoveryCode);
public sealed record SignedIn(long EmployeeId, string Role, string Method, DateTime IdleExpiresAt, DateTime AbsoluteExpiresAt);

/// <summary>JSON sign-in for programs and tests: the same flow as the form, the same cookie, the same rate limit.</summary>
public static class SignInApi
{
    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/account/sign-in", SignIn).AllowAnonymous().RequireRateLimiting(SignInSetup.RateLimitPolicy)
            .WithTags("Account").WithName("SignIn").WithSummary("Sign in with e-mail, password and, when enabled, an authenticator or recovery code; sets the session cookie.");
        app.MapPost("/api/v1/account/sign-out", SignOut).AllowRoles(RoleAccess.Everyone).WithTags("Account")
            .WithName("SignOut").WithSummary("Ends the caller's session.");
        return app;
    }

    private static async Task<Results<Ok<SignedIn>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest input, SignInFlow flow, IStringLocalizer<SignInText> text, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Email)) return ApiConventions.Invalid("email", Message.Of<SignInText>("Enter your e-mail."));
        if (string.IsNullOrEmpty(input.Password)) return ApiConventions.Invalid("password", Message.Of<SignInText>("Enter your password."));

        var (outcome, user) = await flow.CheckPasswordAsync(input.Email, input.Password, ct);
        var method = "pwd";
        if (outcome == SignInOutcome.TwoFactorRequired)
        {
            if (string.IsNullOrWhiteSpace(input.Code) && string.IsNullOrWhiteSpace(input.RecoveryCode))
                return Refused(text, outcome);
            (outcome, method) = await flow.CheckSecondFactorAsync(user!, input.Code, input.RecoveryCode, ct);
        }
        if (outcome == SignInOutcome.Throttled) return Throttled(text, flow.RetryAfter, http);
        if (outcome != SignInOutcome.SignedIn) return Refused(text, outcome);

        var session = await flow.CompleteAsync(user!, method, ct);
        return TypedResults.Ok(new SignedIn(user!.Id, RoleAccess.Name(user.Role), method, session.IdleExpiresAt, session.AbsoluteExpiresAt));
    }

    private static async Task<NoContent> SignOut(SignInFlow flow, ClaimsPrincipal user, CancellationToken ct)
    {
        await flow.SignOutAsync(user, ct);
        return TypedResults.NoContent();
    }

    /// <summary>401 with a machine-readable <c>reason</c>; the wording does not tell a wrong e-mail from a wrong password.</summary>
    private static ProblemHttpResult Refused(IStringLocalizer<SignInText> text, SignInOutcome outcome)
    {
        var (reason, title) = outcome switch
        {
            SignInOutcome.TwoFactorRequired => ("twoFactorRequired", text["Enter the code from your authenticator app."].Value),
            SignInOutcome.TwoFactorFailed => ("twoFactorInvalid", text["The code is wrong, expired or already used."].Value),
            _ => ("invalid", text["Wrong e-mail or password."].Value),
        };
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title,
            extensions: new Dictionary<string, object?> { ["reason"] = reason });
    }

    /// <summary>
    /// 429 with <c>reason: "throttled"</c> and Retry-After: the same for an unknown e-mail, a wrong and (while failures
    /// from elsewhere hold a password-only account back) a right password.
    /// </summary>
    private static ProblemHttpResult Throttled(IStringLocalizer<SignInText> text, TimeSpan retryAfter, HttpContext http)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: text["Too many failed sign-in attempts. Wait a little and try again."].Value,
            extensions: new Dictionary<string, object?> { ["reason"] = "throttled", ["retryAfterSeconds"] = seconds });
    }
}
