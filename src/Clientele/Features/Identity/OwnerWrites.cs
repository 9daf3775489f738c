using Microsoft.AspNetCore.Authorization;

namespace Clientele.Features.Identity;

/// <summary>
/// Company-wide settings are read by everyone who signs in (the analytics depend on them) but changed by the owner only.
/// </summary>
public static class OwnerWrites
{
    /// <summary>Every endpoint of the group other than GET and HEAD requires <see cref="AuthSetup.OwnerPolicy"/>.</summary>
    /// <remarks>A convention rather than a call per endpoint, so that endpoints mapped for the group by shared code
    /// (<c>MapEntity</c>) cannot be missed; it runs after the HTTP method of each endpoint is known.</remarks>
    public static TBuilder RequireOwnerForWrites<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            if (methods.Count == 0 || methods.Any(m => m is not ("GET" or "HEAD")))
            {
                endpoint.Metadata.Add(new AuthorizeAttribute(AuthSetup.OwnerPolicy));
                endpoint.Metadata.Add(new AllowedRoles(new HashSet<Features.Identity.EmployeeRole> { Features.Identity.EmployeeRole.Owner }));
            }
        });
        return builder;
    }
}
