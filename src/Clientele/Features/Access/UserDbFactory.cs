using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Access;

/// <summary>
/// The plain <see cref="IDbContextFactory{TContext}"/>: each context reads with the user of the request or circuit
/// it is made in (that scope's <see cref="RequestAccessScope"/>), and with nobody outside both. A singleton, so that
/// code holding only the application's provider (the audit log) can still make contexts; seeing everything takes
/// <see cref="SystemDbFactory"/> by name.
/// </summary>
public sealed class UserDbFactory : IDbContextFactory<ClienteleDb>
{
    private readonly ProviderDbFactory _inner;
    private readonly IHttpContextAccessor _http;

    internal UserDbFactory(ProviderDbFactory inner, IHttpContextAccessor http) => (_inner, _http) = (inner, http);

    public ClienteleDb CreateDbContext()
    {
        var db = _inner.CreateDbContext();
        var scope = CircuitServices.Current ?? _http.HttpContext?.RequestServices;
        db.Access = scope?.GetService<RequestAccessScope>() ?? AccessScope.Nobody;
        return db;
    }
}

/// <summary>
/// Who is looking when there is neither a request nor a circuit. In a process that serves requests, such work is
/// either a job (which names the system scope) or a mistake, so it sees nothing; the command line has no users at
/// all, and its operator already holds the database's connection string, so there it sees everything.
/// </summary>
public sealed record UnattendedAccess(AccessScope.Viewer View)
{
    public static UnattendedAccess For(IServiceProvider services) =>
        new(services.GetService<IServer>() is null ? AccessScope.Viewer.System : AccessScope.Viewer.Nobody);
}

/// <summary>
/// The services of the circuit whose event is being handled, so that a scope made inside a circuit (and the plain
/// factory, a singleton) find the circuit's user. The pattern of "Access server-side Blazor services from a different
/// DI scope" in the ASP.NET Core documentation.
/// </summary>
public static class CircuitServices
{
    private static readonly AsyncLocal<IServiceProvider?> Ambient = new();

    public static IServiceProvider? Current => Ambient.Value;

    internal sealed class Tracker(IServiceProvider services) : CircuitHandler
    {
        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            async context =>
            {
                Ambient.Value = services;
                await next(context);
            };
    }
}
