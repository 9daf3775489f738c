using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Clientele.Infrastructure.Api;

/// <summary>
/// The JSON body of a record kind's create or replace, read as the kind's input type (named on the endpoint by
/// <see cref="EntityInputType"/>). It lets those handlers name no type parameter, so the request delegate generator
/// writes them at compile time; a handler whose body parameter is the type parameter itself is built with compiled
/// expressions in every host at start, which measured as the largest single part of a host's start-up CPU.
/// </summary>
/// <remarks>
/// The endpoint filters that fill in or hash the input (<see cref="DefaultEmployee"/>, the deals' owner,
/// <see cref="IdempotencyFilter"/>) see the typed input through <see cref="Inputs"/>. Refusals are the ones the
/// framework's own body binding gives, thrown for <see cref="BadRequestProblems"/> to name the field: 415 for a body
/// that is not JSON, 400 for malformed JSON (with its path) and for a missing body.
/// </remarks>
public sealed class EntityBody(object value)
{
    public object Value { get; } = value;

    public static async ValueTask<EntityBody?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var type = http.GetEndpoint()?.Metadata.GetMetadata<EntityInputType>()?.Type
            ?? throw new InvalidOperationException("An endpoint that takes an EntityBody must name its input type (EntityInputType metadata).");
        var request = http.Request;
        object? value = null;
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            if (!request.HasJsonContentType())
                throw new BadHttpRequestException($"Expected a supported JSON media type but got \"{request.ContentType}\".", StatusCodes.Status415UnsupportedMediaType);
            var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            try
            {
                value = await request.ReadFromJsonAsync(type, options, http.RequestAborted);
            }
            catch (JsonException e)
            {
                throw new BadHttpRequestException($"Failed to read parameter \"{type.Name} input\" from the request body as JSON.", e);
            }
        }
        return value is null
            ? throw new BadHttpRequestException($"Implicit body inferred for parameter \"{type.Name} input\" but no body was provided.")
            : new EntityBody(value);
    }

    /// <summary>The request inputs among a handler's arguments: the typed inputs themselves and those inside an <see cref="EntityBody"/>.</summary>
    public static IEnumerable<object> Inputs(IEnumerable<object?> arguments)
    {
        foreach (var argument in arguments)
            if (argument is not null) yield return argument is EntityBody body ? body.Value : argument;
    }
}

/// <summary>The input type an endpoint's <see cref="EntityBody"/> is read as.</summary>
public sealed record EntityInputType(Type Type);
