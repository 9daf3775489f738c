using System.Globalization;
using System.Security.Claims;
using Clientele.Features.Users;
using Microsoft.AspNetCore.Components.Authorization;

namespace Clientele.Infrastructure.Auth;

/// <summary>Who is acting, for the HTTP request or the Blazor circuit alike.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, AuthenticationStateProvider? circuitState = null)
{
    private ClaimsPrincipal? _principal;

    public async Task<ClaimsPrincipal> PrincipalAsync()
    {
        if (_principal is not null) return _principal;
        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } user) return _principal = user;
        if (circuitState is not null) return _principal = (await circuitState.GetAuthenticationStateAsync()).User;
        return _principal = new ClaimsPrincipal();
    }

    public async Task<long?> IdAsync() => IdOf(await PrincipalAsync());

    public static long? IdOf(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static EmployeeRole? RoleOf(ClaimsPrincipal principal) =>
        Enum.TryParse<EmployeeRole>(principal.FindFirstValue(AuthSetup.RoleClaim), ignoreCase: true, out var role) ? role : null;
}
