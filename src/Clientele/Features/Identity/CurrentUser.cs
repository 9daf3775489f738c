using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Clientele.Features.Identity;

/// <summary>Who is acting, for the HTTP request or the Blazor circuit alike.</summary>
public sealed class CurrentUser(IHttpContextAccessor http, AuthenticationStateProvider? circuitState = null)
{
    private ClaimsPrincipal? _requestPrincipal;
    private bool _outsideCircuit;

    /// <summary>
    /// In a Blazor circuit the circuit's current user (asked every time: it turns anonymous when the session is
    /// ended — the HttpContext a circuit holds is the one it connected with and keeps that user forever);
    /// in a plain HTTP request the request's user.
    /// </summary>
    public async Task<ClaimsPrincipal> PrincipalAsync()
    {
        if (circuitState is not null && !_outsideCircuit)
        {
            try
            {
                return (await circuitState.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // Not rendering a component: an API request or a job, whose state provider was never given a user.
                _outsideCircuit = true;
            }
        }
        return _requestPrincipal ??= http.HttpContext?.User ?? new ClaimsPrincipal();
    }

    public async Task<long?> IdAsync() => IdOf(await PrincipalAsync());

    public static long? IdOf(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static EmployeeRole? RoleOf(ClaimsPrincipal principal) =>
        Enum.TryParse<EmployeeRole>(principal.FindFirstValue(AuthSetup.RoleClaim), ignoreCase: true, out var role) ? role : null;
}
