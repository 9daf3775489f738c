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
        // The compile-time generated handlers do not throw for a nullable query value they cannot parse ("?limit=ten"):
        // they set a bare 400 and stop. The status-code page then finds the value again and names the field.
        services.AddOptions<StatusCodePagesOptions>().Configure<IProblemDetailsService>((options, problems) =>
        {
            var standard = options.HandleAsync;
            options.HandleAsync = async context =>
            {
                if (context.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest
                    && UnparsableParameter(context.HttpContext) is { } parameter)
                {
                    context.HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                    var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter.Name] = [Expected(parameter.Type).Render(CultureOf(context.HttpContext))] })
                    {
                        Title = ApiConventions.InvalidTitle.Render(CultureOf(context.HttpContext)),
                        Status = StatusCodes.Status400BadRequest,
                    };
                    if (await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = problem })) return;
                }
                await standard(context);
            };
        });
        return services;
    }

    /// <summary>
    /// The request's language. These answers are written by the exception handler and the status-code pages, which sit
    /// before the request localization in the pipeline, so the culture it set for the endpoint is no longer current;
    /// the choice it made stays on the request.
    /// </summary>
    private static System.Globalization.CultureInfo? CultureOf(HttpContext http) =>
        http.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture.UICulture;

    /// <summary>
    /// The first query or route value of the endpoint's handler that does not parse as its parameter's type, read
    /// again from the request; null when every value parses (the 400 was about something else).
    /// </summary>
    public static (string Name, Type Type)? UnparsableParameter(HttpContext http)
    {
        var method = http.GetEndpoint()?.Metadata.GetMetadata<System.Reflection.MethodInfo>();
        if (method is null) return null;
        foreach (var parameter in method.GetParameters())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (parameter.Name is null || type == typeof(string) || !(type.IsEnum || type.IsPrimitive || SimpleValueTypes.Contains(type))) continue;
            var name = (parameter.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.FromQueryAttribute), false).FirstOrDefault() as Microsoft.AspNetCore.Mvc.FromQueryAttribute)?.Name ?? parameter.Name;
            var raw = http.Request.Query.TryGetValue(name, out var query) ? query.ToString() : http.Request.RouteValues[name]?.ToString();
            if (!string.IsNullOrEmpty(raw) && !Parses(type, raw)) return (name, parameter.ParameterType);
        }
        return null;
    }

    private static readonly HashSet<Type> SimpleValueTypes = [typeof(decimal), typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset), typeof(Guid), typeof(TimeOnly)];

    private static bool Parses(Type type, string raw)
    {
        if (type.IsEnum) return Enum.TryParse(type, raw, ignoreCase: true, out _);
        if (type == typeof(bool)) return bool.TryParse(raw, out _);
        // Every other simple type is IParsable<T>: TryParse(string, IFormatProvider, out T), as the binder calls it.
        var tryParse = type.GetMethod("TryParse", [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        return tryParse is null || (bool)tryParse.Invoke(null, [raw, System.Globalization.CultureInfo.InvariantCulture, null])!;
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
            var field = FieldOf(bad);
            var problem = bad.StatusCode == StatusCodes.Status400BadRequest
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [Describe(bad, ParameterType(http, field)).Render(CultureOf(http))] }) { Title = ApiConventions.InvalidTitle.Render(CultureOf(http)) }
                : new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = bad.Message };
            problem.Status = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }
    }

    /// <summary>
    /// What is wrong with the field, in the API's words: never the framework's message, which names .NET types
    /// ("Nullable&lt;ClientStatus&gt; status") and handler internals that are none of the caller's business.
    /// </summary>
    public static Message Describe(BadHttpRequestException e, Type? parameterType = null) => e.InnerException switch
    {
        Security.ForbiddenCharacterException forbidden => forbidden.Text,
        System.Text.Json.JsonException { InnerException: InvalidOperationException } => Message.Of("is not valid Unicode text (an unpaired surrogate or invalid UTF-8)."),
        System.Text.Json.JsonException json when json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) => Message.Of("has a value of the wrong type."),
        System.Text.Json.JsonException json => JsonPosition(json),
        _ when e.Message.Contains("was not provided", StringComparison.Ordinal) || e.Message.Contains("no body was provided", StringComparison.Ordinal) => Message.Of("is required."),
        _ when e.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal) => Expected(parameterType),
        _ => Message.Of("could not be read."),
    };

    /// <summary>Where the JSON broke (line and byte), which helps the caller; the parser's wording may name types, so it stays out.</summary>
    private static Message JsonPosition(System.Text.Json.JsonException json) =>
        json.LineNumber is { } line && json.BytePositionInLine is { } position
            ? Message.Of("is not valid JSON: the text breaks off or has a syntax error at line {0}, position {1}.", line + 1, position + 1)
            : Message.Of("is not valid JSON: the text breaks off or has a syntax error.");

    /// <summary>What a query or route value of this type must look like; enums list their values.</summary>
    public static Message Expected(Type? type)
    {
        var plain = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (plain is { IsEnum: true }) return Message.Of("must be one of: {0}.", string.Join(", ", Enum.GetNames(plain)));
        if (plain == typeof(int) || plain == typeof(long) || plain == typeof(short)) return Message.Of("must be a whole number.");
        if (plain == typeof(decimal) || plain == typeof(double) || plain == typeof(float)) return Message.Of("must be a number.");
        if (plain == typeof(DateOnly)) return Message.Of("must be a date (YYYY-MM-DD).");
        if (plain == typeof(DateTime) || plain == typeof(DateTimeOffset)) return Message.Of("must be a date and time (ISO 8601).");
        if (plain == typeof(bool)) return Message.Of("must be true or false.");
        if (plain == typeof(Guid)) return Message.Of("must be an identifier (a GUID).");
        return Message.Of("has a value of the wrong type.");
    }

    /// <summary>
    /// The declared type of the handler's parameter <paramref name="name"/>, from the endpoint's own method (the
    /// exception handler has cleared the request's endpoint; its feature keeps the one that failed).
    /// </summary>
    private static Type? ParameterType(HttpContext http, string name) =>
        (http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint())?.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.GetParameters()
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.ParameterType;
}
