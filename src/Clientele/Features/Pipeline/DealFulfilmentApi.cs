using Clientele.Features.Company;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Pipeline;

public sealed class DealContractInput
{
    public long DealId { get; set; }
    public string? Number { get; set; }
    public DateOnly? SignedOn { get; set; }
}

public sealed class DealDeliveryInput
{
    public long DealId { get; set; }
    public string? What { get; set; }
    public DateOnly? PromisedOn { get; set; }
    public DateOnly? DeliveredOn { get; set; }
}

public sealed class DealProblemInput
{
    public long DealId { get; set; }
    public string? Text { get; set; }
    public DateOnly? RaisedOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
}

public sealed record DealContractResponse(long Id, long DealId, string Number, DateOnly SignedOn, long Version);
public sealed record DealDeliveryResponse(long Id, long DealId, string? What, DateOnly PromisedOn, DateOnly? DeliveredOn, long Version);
public sealed record DealProblemResponse(long Id, long DealId, string Text, DateOnly RaisedOn, DateOnly? ResolvedOn, long Version);

/// <summary>
/// The sale stage of a deal (ADR 045): its contract, the deliveries promised under it and the problems raised, each a
/// resource with the API's ETag rule. A deal the caller cannot see is "no deal" to them; nothing is dated before the
/// contract or after today (company days).
/// </summary>
public static class DealFulfilmentApi
{
    public static readonly EntitySpec<DealContract, DealContractInput, DealContractResponse> Contracts = new()
    {
        Name = "Contract",
        Query = db => db.Set<DealContract>(),
        ToInput = c => new DealContractInput { DealId = c.DealId, Number = c.Number, SignedOn = c.SignedOn },
        ToResponse = c => new DealContractResponse(c.Id, c.DealId, c.Number, c.SignedOn, c.Version),
        Check = async (ctx, input) =>
        {
            var e = new Errors();
            input.Number = e.Required("number", input.Number, FulfilmentRules.NumberMax);
            var today = await ctx.Db.CompanyTodayAsync(ctx.Cancellation);
            if (input.SignedOn is null) e.Add("signedOn", Message.Of("is required."));
            else if (input.SignedOn > today) e.Add("signedOn", Message.Of<PipelineText>("must not be after today ({0:yyyy-MM-dd}).", today));
            if (ctx.Existing is { } existing && existing.DealId != input.DealId) e.Add("dealId", Message.Of<PipelineText>("cannot be changed."));
            else if (!await ctx.Db.Deals.AnyAsync(d => d.Id == input.DealId && d.Stage!.Outcome != StageOutcome.Lost, ctx.Cancellation))
                e.Add("dealId", Message.Of<PipelineText>("there is no deal {0} that is not lost.", input.DealId));
            else if (ctx.Existing is null && await ctx.Db.Set<DealContract>().AnyAsync(c => c.DealId == input.DealId, ctx.Cancellation))
                e.Add("dealId", Message.Of<PipelineText>("deal {0} has a contract already; change that one.", input.DealId));
            // Deliveries and problems already recorded must not end up before the contract.
            if (!e.Any && ctx.Existing is not null && input.SignedOn is { } signed && await FirstDatedAsync(ctx.Db, input.DealId, ctx.Cancellation) is { } first && first < signed)
                e.Add("signedOn", Message.Of<PipelineText>("must not be after the first delivery or problem of the deal ({0:yyyy-MM-dd}).", first));
            return e;
        },
        Create = input => new DealContract { DealId = input.DealId, Number = input.Number!, SignedOn = input.SignedOn!.Value },
        Apply = (c, input) => { c.Number = input.Number!; c.SignedOn = input.SignedOn!.Value; },
    };

    public static readonly EntitySpec<DealDelivery, DealDeliveryInput, DealDeliveryResponse> Deliveries = new()
    {
        Name = "Delivery",
        Query = db => db.Set<DealDelivery>(),
        ToInput = d => new DealDeliveryInput { DealId = d.DealId, What = d.What, PromisedOn = d.PromisedOn, DeliveredOn = d.DeliveredOn },
        ToResponse = d => new DealDeliveryResponse(d.Id, d.DealId, d.What, d.PromisedOn, d.DeliveredOn, d.Version),
        Check = async (ctx, input) =>
        {
            var e = new Errors();
            input.What = e.Optional("what", input.What, FulfilmentRules.WhatMax);
            if (input.PromisedOn is null) e.Add("promisedOn", Message.Of("is required."));
            var signed = await ContractDayAsync(ctx.Db, e, ctx.Existing?.DealId, input.DealId, ctx.Cancellation);
            var today = await ctx.Db.CompanyTodayAsync(ctx.Cancellation);
            if (signed is { } s)
            {
                if (input.PromisedOn < s) e.Add("promisedOn", Message.Of<PipelineText>("must not be before the contract ({0:yyyy-MM-dd}).", s));
                if (input.DeliveredOn < s) e.Add("deliveredOn", Message.Of<PipelineText>("must not be before the contract ({0:yyyy-MM-dd}).", s));
            }
            if (input.DeliveredOn > today) e.Add("deliveredOn", Message.Of<PipelineText>("must not be after today ({0:yyyy-MM-dd}).", today));
            return e;
        },
        Create = input => new DealDelivery { DealId = input.DealId, What = input.What, PromisedOn = input.PromisedOn!.Value, DeliveredOn = input.DeliveredOn },
        Apply = (d, input) => { d.What = input.What; d.PromisedOn = input.PromisedOn!.Value; d.DeliveredOn = input.DeliveredOn; },
    };

    public static readonly EntitySpec<DealProblem, DealProblemInput, DealProblemResponse> Problems = new()
    {
        Name = "Problem",
        Query = db => db.Set<DealProblem>(),
        ToInput = p => new DealProblemInput { DealId = p.DealId, Text = p.Text, RaisedOn = p.RaisedOn, ResolvedOn = p.ResolvedOn },
        ToResponse = p => new DealProblemResponse(p.Id, p.DealId, p.Text, p.RaisedOn, p.ResolvedOn, p.Version),
        Check = async (ctx, input) =>
        {
            var e = new Errors();
            input.Text = e.Required("text", input.Text, FulfilmentRules.TextMax);
            if (input.RaisedOn is null) e.Add("raisedOn", Message.Of("is required."));
            var signed = await ContractDayAsync(ctx.Db, e, ctx.Existing?.DealId, input.DealId, ctx.Cancellation);
            var today = await ctx.Db.CompanyTodayAsync(ctx.Cancellation);
            if (signed is { } s && input.RaisedOn < s) e.Add("raisedOn", Message.Of<PipelineText>("must not be before the contract ({0:yyyy-MM-dd}).", s));
            if (input.RaisedOn > today) e.Add("raisedOn", Message.Of<PipelineText>("must not be after today ({0:yyyy-MM-dd}).", today));
            if (input.ResolvedOn > today) e.Add("resolvedOn", Message.Of<PipelineText>("must not be after today ({0:yyyy-MM-dd}).", today));
            if (input.ResolvedOn < input.RaisedOn) e.Add("resolvedOn", Message.Of<PipelineText>("must not be before the day it was raised."));
            return e;
        },
        Create = input => new DealProblem { DealId = input.DealId, Text = input.Text!, RaisedOn = input.RaisedOn!.Value, ResolvedOn = input.ResolvedOn },
        Apply = (p, input) => { p.Text = input.Text!; p.RaisedOn = input.RaisedOn!.Value; p.ResolvedOn = input.ResolvedOn; },
    };

    public static RouteGroupBuilder MapDealFulfilment(this RouteGroupBuilder api)
    {
        api.MapEntity("/deal-contracts", "Pipeline", Contracts, (q, r) => EntityEndpoints.LongQuery(r, "dealId") is { } id ? q.Where(c => c.DealId == id) : q);
        api.MapEntity("/deal-deliveries", "Pipeline", Deliveries, (q, r) => EntityEndpoints.LongQuery(r, "dealId") is { } id ? q.Where(d => d.DealId == id) : q);
        api.MapEntity("/deal-problems", "Pipeline", Problems, (q, r) => EntityEndpoints.LongQuery(r, "dealId") is { } id ? q.Where(p => p.DealId == id) : q);
        api.MapGet("/deals/fulfilment-report", ReportAsync).WithTags("Pipeline").WithName("GetDealFulfilmentReport")
            .WithSummary("The sale stage measured, per manager and overall, over the deals the caller sees: deliveries promised in [from..to] (the last 90 days by default) that were due by today, the share delivered on or before the promised company day, deliveries late and open today, problems raised in the period and open now.");
        return api;
    }

    private static async Task<Results<Ok<FulfilmentReportView>, ValidationProblem>> ReportAsync(string? from, string? to, long? managerId, ClienteleDb db, TimeProvider clock, CancellationToken ct)
    {
        var e = new Errors();
        var today = (await CompanyDays.OfAsync(db, ct)).Today(clock);
        var toDay = e.Day("to", to) ?? today;
        var fromDay = e.Day("from", from) ?? toDay.AddDays(-89);
        if (!e.Any && fromDay > toDay) e.Add("from", Message.Of("must not be after 'to'."));
        if (e.Any) return ApiConventions.Invalid(e);
        return TypedResults.Ok(await FulfilmentReport.BuildAsync(db, fromDay, toDay, managerId, today, ct));
    }

    /// <summary>The contract day of the deal a delivery or problem is recorded on; the error when there is none the caller sees.</summary>
    private static async Task<DateOnly?> ContractDayAsync(ClienteleDb db, Errors e, long? storedDealId, long dealId, CancellationToken ct)
    {
        if (storedDealId is { } stored && stored != dealId)
        {
            e.Add("dealId", Message.Of<PipelineText>("cannot be changed."));
            return null;
        }
        var signed = await db.Set<DealContract>().Where(c => c.DealId == dealId).Select(c => (DateOnly?)c.SignedOn).SingleOrDefaultAsync(ct);
        if (signed is null) e.Add("dealId", Message.Of<PipelineText>("deal {0} has no contract; record the contract first.", dealId));
        return signed;
    }

    private static async Task<DateOnly?> FirstDatedAsync(ClienteleDb db, long dealId, CancellationToken ct)
    {
        var delivery = await db.Set<DealDelivery>().Where(d => d.DealId == dealId).Select(d => (DateOnly?)d.PromisedOn).MinAsync(ct);
        var delivered = await db.Set<DealDelivery>().Where(d => d.DealId == dealId).Select(d => d.DeliveredOn).MinAsync(ct);
        var problem = await db.Set<DealProblem>().Where(p => p.DealId == dealId).Select(p => (DateOnly?)p.RaisedOn).MinAsync(ct);
        return new[] { delivery, delivered, problem }.Where(d => d is not null).Min();
    }
}
