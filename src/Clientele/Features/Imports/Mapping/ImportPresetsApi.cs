using System.Security.Claims;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Clientele.Features.Imports.Mapping;

/// <param name="Kind">clients, purchases, interactions or service-costs.</param>
/// <param name="Map">Column header → field key (or a field's label in English, Russian or German).</param>
public sealed record SavePresetRequest(string? Name, string? Kind, Dictionary<string, string>? Map);

public sealed record PresetResponse(string Name, string Kind, bool BuiltIn, IReadOnlyDictionary<string, string> Map, DateTime? CreatedAt);

/// <summary>/api/v1/import-presets: the mappings the import page and the CLI offer by name.</summary>
public static class ImportPresetsApi
{
    public static RouteGroupBuilder MapImportPresets(this RouteGroupBuilder api)
    {
        // Those who import (owners and managers) keep the presets; nobody else needs them.
        var group = api.MapGroup("/import-presets").WithTags("Imports").AllowRoles(EmployeeRole.Owner, EmployeeRole.Manager);
        group.MapGet("/", ListAsync).WithSummary("The built-in and saved column mappings (?kind= Clients, Purchases, Interactions or ServiceCosts).");
        group.MapGet("/{name}", GetAsync).WithSummary("One mapping by name.");
        group.MapPost("/", SaveAsync).WithName("SaveImportPreset").WithSummary("Saves a mapping under a name (a saved one of the same name is replaced; built-ins cannot be).");
        group.MapDelete("/{name}", DeleteAsync).WithSummary("Deletes a saved mapping (built-ins cannot be deleted).");
        return group;
    }

    private static async Task<Results<Ok<PresetResponse[]>, ValidationProblem>> ListAsync(string? kind, ClienteleDb db, CancellationToken ct)
    {
        ImportKind? filter = null;
        if (kind is not null && (filter = ImportMapping.ParseKind(kind)) is null) return InvalidKind(kind);
        return TypedResults.Ok((await ImportPresets.ListAsync(db, filter, ct)).Select(ToResponse).ToArray());
    }

    private static async Task<Results<Ok<PresetResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(string name, string? kind, ClienteleDb db, CancellationToken ct)
    {
        if (ImportMapping.ParseKind(kind ?? "clients") is not { } parsed) return InvalidKind(kind!);
        return await ImportPresets.FindAsync(db, parsed, name, ct) is { } preset ? TypedResults.Ok(ToResponse(preset)) : Missing(parsed, name);
    }

    private static async Task<Results<Created<PresetResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        SavePresetRequest request, ClienteleDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        if (ImportMapping.ParseKind(request.Kind ?? "clients") is not { } kind) return InvalidKind(request.Kind!);
        var (preset, errors) = await ImportPresets.SaveAsync(db, request.Name, kind, request.Map, CurrentUser.IdOf(user), ct);
        if (preset is null) return ApiConventions.Invalid(errors);
        return TypedResults.Created($"/api/v1/import-presets/{Uri.EscapeDataString(preset.Name)}?kind={ImportMapping.KindName(kind)}", ToResponse(preset));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(string name, string? kind, ClienteleDb db, CancellationToken ct)
    {
        if (ImportMapping.ParseKind(kind ?? "clients") is not { } parsed) return InvalidKind(kind!);
        return await ImportPresets.DeleteAsync(db, parsed, name, ct) switch
        {
            ImportPresets.DeleteResult.Deleted => TypedResults.NoContent(),
            ImportPresets.DeleteResult.BuiltIn => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Built-in presets cannot be deleted.",
                detail: $"'{name}' comes with Clientele; save a copy under another name to change it."),
            _ => Missing(parsed, name),
        };
    }

    private static ValidationProblem InvalidKind(string kind) =>
        ApiConventions.Invalid("kind", Message.Of("'{0}' is not an import kind; use clients, purchases, interactions or service-costs.", kind));

    private static ProblemHttpResult Missing(ImportKind kind, string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no {ImportMapping.KindName(kind)} preset '{name}'.");

    private static PresetResponse ToResponse(PresetView p) =>
        new(p.Name, ImportMapping.KindName(p.Kind), p.BuiltIn, p.Map.GroupBy(m => m.Key).ToDictionary(g => g.Key, g => g.First().Value), p.CreatedAt);
}
