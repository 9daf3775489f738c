using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Pipeline;

public sealed class PipelineStageInput
{
    public string? Name { get; set; }
    public int Position { get; set; }
    /// <summary>Percent, 0 to 100.</summary>
    public int Probability { get; set; }
    public StageOutcome Outcome { get; set; }
}

/// <param name="Name">In the reader's language.</param>
public sealed record PipelineStageResponse(long Id, string Name, int Position, int Probability, StageOutcome Outcome, long Version);

public static class PipelineStagesApi
{
    public static readonly EntitySpec<PipelineStage, PipelineStageInput, PipelineStageResponse> Spec = new()
    {
        Name = "Pipeline stage",
        Query = db => db.PipelineStages,
        ToInput = s => new PipelineStageInput { Name = s.Name, Position = s.Position, Probability = s.Probability, Outcome = s.Outcome },
        ToResponse = s => new PipelineStageResponse(s.Id, PipelineStage.Show(s.Name), s.Position, s.Probability, s.Outcome, s.Version),
        Check = CheckAsync,
        Create = input => Apply(new PipelineStage { Name = input.Name! }, input),
        Apply = (s, input) => Apply(s, input),
    };

    /// <summary>Stages are settings: everyone reads them (the board's columns), the owner changes them.</summary>
    public static RouteGroupBuilder MapPipelineStages(this RouteGroupBuilder api)
    {
        api.MapEntity("/pipeline-stages", "Pipeline", Spec, (query, _) => query).AddEndpointFilter(RefuseDeletingAStageInUse);
        return api;
    }

    /// <summary>The board's stages, left to right.</summary>
    public static Task<List<PipelineStage>> OrderedAsync(ClienteleDb db, CancellationToken ct = default) =>
        db.PipelineStages.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Id).ToListAsync(ct);

    private static async ValueTask<object?> RefuseDeletingAStageInUse(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsDelete(http.Request.Method) && http.Request.RouteValues["id"] is string text && long.TryParse(text, out var id))
        {
            var db = http.RequestServices.GetRequiredService<ClienteleDb>();
            // Counted past the row filters: a deal the caller cannot see still holds the stage.
            var deals = await db.Deals.IgnoreQueryFilters().CountAsync(d => d.StageId == id, http.RequestAborted);
            if (deals > 0) return ApiConventions.Invalid("id", Message.Of<PipelineText>("{0} deals are at this stage; move them to another stage first.", deals));
        }
        return await next(context);
    }

    private static async Task<Errors> CheckAsync(CheckContext<PipelineStage> ctx, PipelineStageInput input)
    {
        var e = new Errors();
        // A default stage's stored name is its kind, which the text rules would refuse; unchanged, it stays as it is.
        if (ctx.Existing is null || input.Name != ctx.Existing.Name) input.Name = e.Required("name", input.Name, 100);
        if (input.Probability is < 0 or > 100) e.Add("probability", Message.Of<PipelineText>("must be a percentage from 0 to 100."));
        if (input.Position is < 0 or > 1000) e.Add("position", Message.Of<PipelineText>("must be from 0 to 1000."));
        e.Defined("outcome", input.Outcome);
        if (ctx.Existing is { } existing && existing.Outcome != input.Outcome
            && await ctx.Db.Deals.IgnoreQueryFilters().AnyAsync(d => d.StageId == existing.Id, ctx.Cancellation))
            e.Add("outcome", Message.Of<PipelineText>("cannot change while deals are at this stage."));
        return e;
    }

    private static PipelineStage Apply(PipelineStage s, PipelineStageInput input)
    {
        s.Name = input.Name!; s.Position = input.Position; s.Probability = input.Probability; s.Outcome = input.Outcome;
        return s;
    }
}
