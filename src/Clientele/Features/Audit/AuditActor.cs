using Clientele.Features.Identity;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Clientele.Features.Audit;

/// <summary>
/// Who is acting, as the audit trail sees it: the signed-in user of the HTTP request or of the Blazor circuit, and the
/// request's address. None for jobs and the command line. The save interceptor and code that builds its own contexts have no
/// scope to ask, so the circuit's services travel to it in an async-local set for each circuit activity.
/// </summary>
public static class AuditActor
{
    private static readonly AsyncLocal<IServiceProvider?> CircuitServices = new();

    /// <param name="scope">The caller's own scope when it has one (a request's or circuit's); null to rely on the ambient ones.</param>
    public static async Task<(long? EmployeeId, string? Ip)> CurrentAsync(IServiceProvider? scope)
    {
        // The accessor keeps the request in a static async-local: any instance sees the current request.
        var http = new HttpContextAccessor().HttpContext;
        if (http?.User is { Identity.IsAuthenticated: true } user)
            return (CurrentUser.IdOf(user), http.Connection.RemoteIpAddress?.ToString());
        scope ??= CircuitServices.Value;
        if (scope?.GetService<CurrentUser>() is { } circuitUser)
        {
            try
            {
                return (await circuitUser.IdAsync(), null);
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit the authentication state provider has no state to give.
            }
        }
        return (null, http?.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>Makes the circuit's scope visible to code that runs for it (see <see cref="AuditActor"/>).</summary>
    internal sealed class CircuitScope(IServiceProvider services) : CircuitHandler
    {
        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            context =>
            {
                CircuitServices.Value = services;
                return next(context);
            };
    }
}
