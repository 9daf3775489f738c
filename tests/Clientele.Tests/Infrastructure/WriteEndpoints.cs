using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Infrastructure;

/// <summary>One method of one route that changes something, as the running application maps it.</summary>
public sealed record WriteEndpoint(string Method, RoutePattern Pattern, Type? RequestType, IReadOnlyList<string> ContentTypes)
{
    public string Route => "/" + (Pattern.RawText ?? "").Trim('/');
    public bool TakesJson => ContentTypes.Any(t => t.Contains("json", StringComparison.OrdinalIgnoreCase));
    public bool TakesForm => ContentTypes.Any(t => t.Contains("form", StringComparison.OrdinalIgnoreCase));
    public HttpMethod HttpMethod => new(Method);
    public override string ToString() => $"{Method} {Route}";

    /// <summary>The URL with each route parameter filled by <paramref name="valueOf"/>.</summary>
    public string Path(Func<RoutePatternParameterPart, string> valueOf) =>
        "/" + string.Join('/', Pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Uri.EscapeDataString(valueOf(parameter)),
            _ => "",
        }))));

    /// <summary>The literal segment before a parameter ("clients" for /clients/{id}), which says what kind of record it names.</summary>
    public string? SegmentBefore(RoutePatternParameterPart parameter)
    {
        string? previous = null;
        foreach (var segment in Pattern.PathSegments)
        {
            if (segment.Parts.Contains(parameter)) return previous;
            if (segment.Parts is [RoutePatternLiteralPart literal]) previous = literal.Content;
        }
        return previous;
    }
}

/// <summary>A field of a request body as System.Text.Json (web defaults) reads it.</summary>
public sealed record RequestField(string Name, Type Type)
{
    public Type Plain => Nullable.GetUnderlyingType(Type) ?? Type;
    public bool IsText => Plain == typeof(string);
    public bool IsTextList => Plain != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(Plain);
}

public static class WriteEndpoints
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH"];

    /// <summary>Every POST, PUT and PATCH under /api, and the sign-in form, in a stable order.</summary>
    public static IReadOnlyList<WriteEndpoint> Of(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => ("/" + (e.RoutePattern.RawText ?? "").Trim('/')) is var route && (route.StartsWith("/api/", StringComparison.Ordinal) || route == "/account/login"))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Intersect(WriteMethods).Select(method =>
            {
                var accepts = e.Metadata.GetMetadata<IAcceptsMetadata>();
                return new WriteEndpoint(method, e.RoutePattern, accepts?.RequestType, [.. accepts?.ContentTypes ?? []]);
            }))
            .DistinctBy(e => e.ToString())
            .OrderBy(e => e.ToString(), StringComparer.Ordinal)];

    /// <summary>The fields of a request type; none for a free-form body (JsonElement) or no body.</summary>
    public static IReadOnlyList<RequestField> FieldsOf(Type? requestType)
    {
        if (requestType is null || requestType == typeof(JsonElement) || requestType == typeof(object)) return [];
        var info = JsonSerializerOptions.Web.GetTypeInfo(requestType);
        return info.Kind == JsonTypeInfoKind.Object ? [.. info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).Select(p => new RequestField(p.Name, p.PropertyType))] : [];
    }
}
