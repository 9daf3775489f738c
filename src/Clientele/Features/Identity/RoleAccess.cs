using Microsoft.AspNetCore.Authorization;

namespace Clientele.Features.Identity;

/// <summary>
/// The roles an endpoint admits, declared on the endpoint (or its group) so that the access-matrix test can read
/// every endpoint's declaration and fail for an endpoint that has none.
/// </summary>
public sealed record AllowedRoles(IReadOnlySet<EmployeeRole> Roles);

public static class RoleAccess
{
    public static readonly EmployeeRole[] Everyone = [EmployeeRole.Owner, EmployeeRole.Manager, EmployeeRole.Marketer, EmployeeRole.Analyst];

    /// <summary>Admits only <paramref name="roles"/> (403 for the others). Declarations on a group and on its endpoints combine: a role must be admitted by each.</summary>
    public static TBuilder AllowRoles<TBuilder>(this TBuilder builder, params EmployeeRole[] roles) where TBuilder : IEndpointConventionBuilder
    {
        var set = roles.ToHashSet();
        builder.Add(endpoint =>
        {
            endpoint.Metadata.Add(new AllowedRoles(set));
            endpoint.Metadata.Add(new AuthorizeAttribute { Roles = string.Join(',', set.Select(Name)) });
        });
        return builder;
    }

    /// <summary>Admits every role to GET and HEAD, and only <paramref name="writers"/> to the other methods.</summary>
    public static TBuilder AllowWrites<TBuilder>(this TBuilder builder, params EmployeeRole[] writers) where TBuilder : IEndpointConventionBuilder
    {
        var set = writers.ToHashSet();
        builder.Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            if (methods.Count > 0 && methods.All(m => m is "GET" or "HEAD")) return;
            endpoint.Metadata.Add(new AllowedRoles(set));
            endpoint.Metadata.Add(new AuthorizeAttribute { Roles = string.Join(',', set.Select(Name)) });
        });
        return builder;
    }

    public static string Name(EmployeeRole role) => role.ToString().ToLowerInvariant();
}
