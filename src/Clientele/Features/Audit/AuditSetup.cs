using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clientele.Features.Audit;

public static class AuditSetup
{
    /// <summary>
    /// The scoped <see cref="AuditLog"/>, the process's one writer behind it (<see cref="AuditGroupCommit"/>) and the
    /// circuit scope that tells the save interceptor who acts in a Blazor circuit. (The interceptor itself is added with
    /// the database, the retention job with the other nightly jobs.)
    /// </summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddSingleton(sp => AuditSeal.From(sp.GetService<IConfiguration>()));
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditGroupCommit>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, AuditActor.CircuitScope>());
        return services;
    }
}
