using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Clientele.Features.Identity;

/// <summary>Services and pipeline pieces of sign-in: sessions, the strict authenticator check, rate limits, the enrolment gate.</summary>
public static class SignInSetup
{
    public const string RateLimitPolicy = "sign-in";
    /// <summary>Sign-in attempts (password or second step) one IP address may make per minute.</summary>
    public const string AttemptsPerMinuteKey = "Clientele:SignIn:AttemptsPerMinute";
    public const int DefaultAttemptsPerMinute = 10;

    /// <summary>Called before Identity is added, so that our password validator takes the place of the composition one.</summary>
    public static IServiceCollection AddSignInBeforeIdentity(this IServiceCollection services)
    {
        services.AddScoped<IPasswordValidator<Employee>, CommonPasswordValidator>();
        return services;
    }

    public static IServiceCollection AddSignIn(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<SessionStore>();
        services.AddScoped<SignInFlow>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<DecoyPasswordCheck>();
        services.AddScoped<TwoFactorEnrolment>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<UserInvites>();
        // Registered before Razor components add their default, which then stays out (TryAdd).
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingStateProvider>();
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = SessionCookieValidation.KeepSessionClaims);

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => SignInGuards.RejectAsync(context.HttpContext);
        });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, config) =>
        {
            var perMinute = config.GetValue<int?>(AttemptsPerMinuteKey) ?? DefaultAttemptsPerMinute;
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
