using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Clientele.Infrastructure.Api;

/// <summary>
/// A request body or parameter the framework cannot bind (malformed JSON, "lots" for a number) becomes a 400
/// validation problem naming the field, as our own checks answer — not a bare 400, and never a 500.
/// </summary>
public static partial class BadRequestProblems
{
    public static IServiceCollection AddBadRequestProblems(this IServiceCollection services)
    {
        // Without this the framework throws only in Development (ending as a 500) and elsewhere sets a bare 400
        // that tells the caller nothing; thrown, the handler below can say which field was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<Handler>();
        return services;
    }

    /// <summary>The field a binding failure is about: the JSON path of a body error, else the parameter's name.</summary>
    public static string FieldOf(BadHttpRequestException e)
    {
        if (e.InnerException is System.Text.Json.JsonException json) return ApiConventions.JsonField(json);
        // A missing or unreadable body is about the body, whatever the handler calls its parameter.
        if (e.Message.Contains("body", StringComparison.OrdinalIgnoreCase)) return "body";
        var parameter = ParameterName().Match(e.Message);
        return parameter.Success ? parameter.Groups[1].Value : "body";
    }

    // The framework's messages name the parameter as "Type name": 'Failed to bind parameter "int? limit" from "x".'
    [GeneratedRegex("parameter \"[^\"]* ([A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterName();

    private sealed class Handler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad || http.Response.HasStarted) return false;
            http.Response.StatusCode = bad.StatusCode;
            var problem = bad.StatusCode == StatusCodes.Status400BadRequest
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(bad)] = [Describe(bad)] }) { Title = "The input is not valid." }
                : new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = bad.Message };
            problem.Status = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }

        private static string Describe(BadHttpRequestException e) => e.InnerException switch
        {
            Security.ForbiddenCharacterException forbidden => forbidden.Message,
            System.Text.Json.JsonException { InnerException: InvalidOperationException } => "is not valid Unicode text (an unpaired surrogate or invalid UTF-8).",
            System.Text.Json.JsonException json when json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) => "has a value of the wrong type.",
            System.Text.Json.JsonException json => "is not valid JSON: " + json.Message.ReplaceLineEndings(" "),
            _ when e.Message.Contains("was not provided", StringComparison.Ordinal) => "is required.",
            _ => "could not be read: " + e.Message,
        };
    }
}
