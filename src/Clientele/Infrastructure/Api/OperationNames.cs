using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Clientele.Infrastructure.Api;

/// <summary>
/// Gives every operation of the OpenAPI document an <c>operationId</c> and a description, so that generated clients
/// (NSwag, Kiota, openapi-generator) get method names a person would write. An endpoint named where it is mapped
/// (<c>WithName</c>) keeps its name, in camelCase; any other is named from its method and route by one rule:
/// <list type="bullet">
/// <item>GET of a collection (a path that has <c>/{id}</c> items) is <c>list…</c> (<c>GET /clients</c> → <c>listClients</c>),
/// any other GET is <c>get…</c> (<c>GET /clients/{id}/loyalty</c> → <c>getClientLoyalty</c>);</item>
/// <item>POST to a collection is <c>create…</c> (<c>createClient</c>); POST to <c>…/{id}/verb</c> is the verb
/// (<c>POST /imports/{id}/rollback</c> → <c>rollbackImport</c>);</item>
/// <item>PUT is <c>replace…</c>, PATCH <c>update…</c>, DELETE <c>delete…</c>.</item>
/// </list>
/// The noun is the route's literal segments after <c>/api/v1</c>, a segment followed by a parameter in the singular.
/// The description is the one declared at the endpoint, else its summary. The lint test (spectral's <c>spectral:oas</c>)
/// checks that every id is there and unique.
/// </summary>
public static class OperationNames
{
    private const string ApiPrefix = "/api/v1/";

    public static OpenApiOptions AddOperationNames(this OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        Name(document);
        // A server URL ending in '/' doubles the slash in every generated client's request paths.
        foreach (var server in document.Servers ?? [])
            if (server.Url is { Length: > 1 } url && url.EndsWith('/')) server.Url = url.TrimEnd('/');
        return Task.CompletedTask;
    });

    public static void Name(OpenApiDocument document)
    {
        var paths = document.Paths.Keys.ToList();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operation.OperationId = operation.OperationId is { Length: > 0 } declared
                    ? char.ToLowerInvariant(declared[0]) + declared[1..]
                    : Derive(method, path, paths, item.Operations!.ContainsKey(HttpMethod.Get));
                if (string.IsNullOrWhiteSpace(operation.Description)) operation.Description = operation.Summary;
            }
        }
    }

    public static string Derive(HttpMethod method, string path, IReadOnlyCollection<string> allPaths, bool pathHasGet)
    {
        var segments = (path.StartsWith(ApiPrefix, StringComparison.Ordinal) ? path[ApiPrefix.Length..] : path.TrimStart('/')).Split('/');
        var isCollection = allPaths.Any(p => p.StartsWith(path + "/{", StringComparison.Ordinal));
        var endsWithParameter = IsParameter(segments[^1]);
        if (method == HttpMethod.Get) return (isCollection && !endsWithParameter ? "list" : "get") + Noun(segments);
        if (method == HttpMethod.Post)
        {
            if (isCollection || pathHasGet) return "create" + Noun(segments, singularLast: true);
            if (segments.Length > 1 && !endsWithParameter) return Camel(Pascal(segments[^1])) + Noun(segments[..^1]);
            return "post" + Noun(segments);
        }
        if (method == HttpMethod.Put) return "replace" + Noun(segments);
        if (method == HttpMethod.Patch) return "update" + Noun(segments);
        if (method == HttpMethod.Delete) return "delete" + Noun(segments);
        return method.Method.ToLowerInvariant() + Noun(segments);
    }

    private static string Noun(string[] segments, bool singularLast = false)
    {
        var noun = new StringBuilder();
        for (var i = 0; i < segments.Length; i++)
        {
            if (IsParameter(segments[i])) continue;
            var beforeParameter = i + 1 < segments.Length && IsParameter(segments[i + 1]);
            var singular = beforeParameter || (singularLast && i == segments.Length - 1);
            noun.Append(Pascal(singular ? Singular(segments[i]) : segments[i]));
        }
        return noun.ToString();
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{');

    private static string Singular(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) ? word[..^2]
        : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && word != "analytics" ? word[..^1]
        : word;

    private static string Pascal(string segment) => string.Concat(segment.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
        .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Camel(string pascal) => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
}
