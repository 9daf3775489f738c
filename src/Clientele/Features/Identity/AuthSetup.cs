using System.Security.Claims;
using Clientele.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clientele.Features.Identity;

public static class AuthSetup
{
    public const string ApiPolicy = "api";
    /// <summary>Company-wide settings: the owner only.</summary>
    public const string OwnerPolicy = "owner";
    public const string SmartScheme = "cookie-or-token";
    public const string RoleClaim = ClaimTypes.Role;
    /// <summary>__Host-: only ever set Secure, for path /, by this host itself — no subdomain can plant or read it.</summary>
    public const string CookieName = "__Host-clientele";
    public const string TwoFactorCookieName = "__Host-clientele.2fa";
    public const string AntiforgeryCookieName = "__Host-clientele.af";

    /// <summary>
    /// Signing in on the web, on top of the people's store and rules that <see cref="ClienteleServices.AddClientele"/>
    /// gives every host: the sign-in manager, the token providers (two-factor, which need data protection), the cookie
    /// and API-token schemes, antiforgery and the policies.
    /// </summary>
    public static IServiceCollection AddClienteleAuth(this IServiceCollection services)
    {
        new IdentityBuilder(typeof(Employee), services)
            .AddSignInManager<EmployeeSignInManager>()
            .AddDefaultTokenProviders()
            // Replaces the built-in authenticator check, which accepts a code within ±90 s and more than once.
            .AddTokenProvider<StrictTotpProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddSignIn();
        services.AddSingleton<ApiTokenLookup>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or API token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            // Lax, not Strict: a link from an e-mail into the app finds the user signed in; every form carries antiforgery.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/access-denied";
            o.LogoutPath = "/logout";
            // The session row decides idle and absolute expiry (owner settings); the ticket only bounds it from outside.
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            o.SlidingExpiration = false;
            var stampCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = context => SessionCookieValidation.ValidateAsync(context, stampCheck);
            // An API caller gets a status code, not a redirect to a sign-in page it cannot use.
            o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = TwoFactorCookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        // Antiforgery refuses SecurePolicy.Always on plain HTTP (the loopback default, http://127.0.0.1), so the
        // Secure flag is set by the builder itself; browsers accept Secure cookies from loopback addresses.
        services.AddAntiforgery(o => o.Cookie = new AlwaysSecureCookieBuilder
        {
            Name = AntiforgeryCookieName, HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true,
        });
        // A deactivated user's stamp changes; sessions notice within a minute, not the default half hour. Ended
        // sessions (deactivation, role change, "sign out there") are cut off sooner by the session check.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(OwnerPolicy, p => p.RequireAuthenticatedUser().RequireClaim(RoleClaim, "owner"))
            .SetFallbackPolicy(null);
        services.AddCascadingAuthenticationState();
        services.AddScoped<CurrentUser>();
        return services;
    }

    /// <summary>Length over composition (NIST 800-63B): at least 12 characters, no forced symbol mix.</summary>
    public static void IdentityRules(IdentityOptions o)
    {
        o.Password.RequiredLength = 12;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.User.RequireUniqueEmail = true;
        // No account lockout: anyone could lock the owner out with five wrong passwords. Failures slow the next
        // attempts down instead, per account and address (SignInThrottle); a user never gets a lockout end.
        o.Lockout.AllowedForNewUsers = false;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Puts the employee's role and display name into the sign-in cookie.</summary>
public sealed class EmployeeClaimsFactory(UserManager<Employee> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Employee>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Employee user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AuthSetup.RoleClaim, user.Role.ToString().ToLowerInvariant()));
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        return identity;
    }
}

/// <summary>A departed or deactivated employee cannot sign in, and their cookie stops working at the next stamp check.</summary>
public sealed class EmployeeSignInManager(
    UserManager<Employee> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<Employee> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<Employee>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<Employee> confirmation)
    : SignInManager<Employee>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Employee user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<Employee?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsActive: true } ? user : null;
    }
}

/// <summary>A cookie that always carries Secure (required by the __Host- prefix), whatever the request's scheme.</summary>
public sealed class AlwaysSecureCookieBuilder : CookieBuilder
{
    public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
    {
        var options = base.Build(context, expiresFrom);
        options.Secure = true;
        return options;
    }
}
