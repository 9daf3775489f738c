using Clientele.Infrastructure.Jobs;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clientele.Features.Audit;

public static class AuditSetup
{
    /// <summary>
    /// The scoped <see cref="AuditLog"/>, the process's one writer behind it, the circuit scope that tells the save interceptor who acts in a Blazor
    /// circuit, and the nightly retention job. (The interceptor itself is added with the database, for every host.)
    /// </summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditGroupCommit>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, AuditActor.CircuitScope>());
        services.AddDailyJob<AuditRetentionJob>();
        return services;
    }
}
