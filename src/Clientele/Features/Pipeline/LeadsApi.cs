using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Duplicates;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Pipeline;

public sealed class LeadInput
{
    public string? Name { get; set; }
    public string? Company { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Note { get; set; }
    /// <summary>Manual or Api (the default through the API); Referral when a referring client is named; WebForm only by the public form.</summary>
    public LeadSource? Source { get; set; }
    public long? ReferrerClientId { get; set; }
    /// <summary>Open or Discarded; a lead becomes Converted only by conversion.</summary>
    public LeadStatus Status { get; set; }
}

public sealed record LeadResponse(long Id, string Name, string? Company, string? Phone, string? Email, string? Note, LeadSource Source,
    long? FormId, long? ReferrerClientId, string? ReferrerClientName, long? ConvertedClientId, LeadStatus Status, DateTime CreatedAt, long Version);

/// <summary>
/// What the person converting a lead may say of the client it becomes: its previous supplier, a competitor of the
/// register by id or by name (found ignoring case, or added) — the client resource's own fields and rules (ADR 045).
/// </summary>
public sealed class LeadConversionInput
{
    public long? PreviousSupplierId { get; set; }
    public string? PreviousSupplierName { get; set; }

    internal bool NamesASupplier => PreviousSupplierId is not null || !string.IsNullOrWhiteSpace(PreviousSupplierName);
}

/// <param name="Linked">True when the lead was an existing client (same phone or e-mail), false when a client was made.</param>
public sealed record LeadConversion(long LeadId, long ClientId, bool Linked);

public static class LeadsApi
{
    public const int MaxNote = 2000;

    public static readonly EntitySpec<Lead, LeadInput, LeadResponse> Spec = new()
    {
        Name = "Lead",
        Query = db => db.Leads.Include(l => l.ReferrerClient),
        ToInput = l => new LeadInput { Name = l.Name, Company = l.Company, Phone = l.Phone, Email = l.Email, Note = l.Note, Source = l.Source, ReferrerClientId = l.ReferrerClientId, Status = l.Status },
        ToResponse = l => new LeadResponse(l.Id, l.Name, l.Company, l.Phone, l.Email, l.Note, l.Source, l.FormId, l.ReferrerClientId, l.ReferrerClient?.Name,
            l.ConvertedClientId, l.Status, l.CreatedAt, l.Version),
        Check = CheckAsync,
        Create = input => Apply(new Lead { Name = input.Name! }, input),
        Apply = (l, input) => Apply(l, input),
    };

    /// <summary>
    /// The client a lead names: its referrer, when the reader sees that client (the lead's list is not filtered by client,
    /// the referrer's name is). What the leads' endpoint and the leads page audit.
    /// </summary>
    public static long? ReferrerShown(LeadResponse lead) => lead.ReferrerClientName is null ? null : lead.ReferrerClientId;

    public static RouteGroupBuilder MapLeads(this RouteGroupBuilder api)
    {
        api.MapEntity("/leads", "Pipeline", Spec, (query, request) =>
        {
            if (Enum.TryParse<LeadStatus>(request.Query["status"], out var status)) query = query.Where(l => l.Status == status);
            if (EntityEndpoints.LongQuery(request, "referrerClientId") is { } referrer) query = query.Where(l => l.ReferrerClientId == referrer);
            return query;
        }).AuditsEntityClientRows<LeadResponse>(ReferrerShown);
        api.MapPost("/leads/{id:long}/convert", ConvertEndpoint).WithTags("Pipeline").WithName("ConvertLead")
            .WithSummary("Makes the lead a client, or links it to the client with the same e-mail or phone that the caller sees; the optional body names the client's previous supplier (previousSupplierId, or previousSupplierName found ignoring case or added to the competitors).");
        api.MapLeadsExport();
        return api;
    }

    private static async Task<Results<Ok<LeadConversion>, ValidationProblem, ProblemHttpResult>> ConvertEndpoint(long id, HttpContext http, ClienteleDb db, CancellationToken ct, LeadConversionInput? body = null)
    {
        var me = CurrentUser.RoleOf(http.User) == EmployeeRole.Manager ? CurrentUser.IdOf(http.User) : null;
        var outcome = await ConvertAsync(db, id, me, ct, body);
        return outcome.Kind switch
        {
            OutcomeKind.NotFound => ApiConventions.NotFound(Spec.Name, id),
            OutcomeKind.Invalid => ApiConventions.Invalid(outcome.Errors!),
            _ => TypedResults.Ok(outcome.Value!),
        };
    }

    /// <summary>
    /// The lead's client: the one with its e-mail, else its phone, among the clients the caller sees (both are stored
    /// normalised, so equality is the match), else a new potential client made through the clients' own writer, with
    /// the referring client as its referrer and a manager's new client theirs. A previous supplier named is the client's:
    /// set by the clients' writer on the new client, or on the found one (a refusal of it converts nothing).
    /// </summary>
    public static async Task<Outcome<LeadConversion>> ConvertAsync(ClienteleDb db, long leadId, long? managerId, CancellationToken ct, LeadConversionInput? supplier = null)
    {
        var lead = await db.Leads.SingleOrDefaultAsync(l => l.Id == leadId, ct);
        if (lead is null) return Outcome<LeadConversion>.NotFound();
        if (lead.Status != LeadStatus.Open)
        {
            var refused = new Errors();
            refused.Add("status", Message.Of<PipelineText>("only an open lead can be converted."));
            return Outcome<LeadConversion>.Invalid(refused);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The door's own lookup (visible clients only, masked fields never asked), e-mail before phone.
        var existing = (lead.Email is null ? null : await ClientRepeats.FindAsync(db, null, null, lead.Email, ct))
            ?? (lead.Phone is null ? null : await ClientRepeats.FindAsync(db, null, lead.Phone, null, ct));
        long? clientId = existing?.ClientId;
        if (clientId is null)
        {
            var made = await EntityWriter.CreateAsync(db, ClientSpec.Instance, new ClientInput
            {
                Name = lead.Company ?? lead.Name, Phone = lead.Phone, Email = lead.Email, Status = ClientStatus.Potential,
                ReferredById = lead.ReferrerClientId, ManagerId = managerId, Notes = lead.Note,
                PreviousSupplierId = supplier?.PreviousSupplierId, PreviousSupplierName = supplier?.PreviousSupplierName,
            }, ct);
            if (made.Kind != OutcomeKind.Ok) return Outcome<LeadConversion>.Invalid(made.Errors!);
            clientId = made.Value!.Id;
        }
        else if (supplier is { NamesASupplier: true })
        {
            var named = await EntityWriter.UpdateAsync(db, ClientSpec.Instance, clientId.Value, input =>
            {
                (input.PreviousSupplierId, input.PreviousSupplierName) = (supplier.PreviousSupplierId, supplier.PreviousSupplierName);
                return input;
            }, null, ct);
            if (named.Kind != OutcomeKind.Ok) return Outcome<LeadConversion>.Invalid(named.Errors ?? new Errors());
        }
        lead.Status = LeadStatus.Converted;
        lead.ConvertedClientId = clientId;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<LeadConversion>.Ok(new LeadConversion(lead.Id, clientId.Value, existing is not null));
    }

    /// <summary>The rules every lead passes, whichever way it came (the API, a page, the public form).</summary>
    public static void CheckContact(Errors e, LeadInput input, string phoneRegion)
    {
        input.Name = e.Required("name", input.Name, 200);
        input.Company = e.Optional("company", input.Company, 200);
        var phone = e.Optional("phone", input.Phone, 40);
        input.Phone = phone is null ? null : ContactRules.NormalizePhone(phone, phoneRegion) ?? phone;
        input.Email = e.Email("email", e.Optional("email", input.Email, 254));
        input.Note = e.Optional("note", input.Note, MaxNote);
        if (input.Phone is null && input.Email is null && !e.Has("email") && !e.Has("phone"))
            e.Add("phone", Message.Of<PipelineText>("a lead needs a phone or an e-mail."));
    }

    private static async Task<Errors> CheckAsync(CheckContext<Lead> ctx, LeadInput input)
    {
        var e = new Errors();
        CheckContact(e, input, ctx.PhoneRegion);
        if (input.ReferrerClientId is { } referrer && !await ctx.ClientExistsAsync(referrer)) e.Add("referrerClientId", Message.Of("there is no client {0}.", referrer));
        if (ctx.Existing is null) input.Source ??= input.ReferrerClientId is null ? LeadSource.Api : LeadSource.Referral;
        else input.Source = ctx.Existing.Source;
        if (ctx.Existing is null && input.Source == LeadSource.WebForm) e.Add("source", Message.Of<PipelineText>("only the public form makes web-form leads."));
        e.Defined("source", input.Source.Value);
        e.Defined("status", input.Status);
        if (input.Status == LeadStatus.Converted && ctx.Existing?.Status != LeadStatus.Converted)
            e.Add("status", Message.Of<PipelineText>("a lead is converted by converting it, which makes or finds its client."));
        return e;
    }

    private static Lead Apply(Lead l, LeadInput input)
    {
        l.Name = input.Name!; l.Company = input.Company; l.Phone = input.Phone; l.Email = input.Email; l.Note = input.Note;
        l.Source = input.Source!.Value; l.ReferrerClientId = input.ReferrerClientId; l.Status = input.Status;
        return l;
    }
}

public sealed class LeadFormInput
{
    public string? Name { get; set; }
    public bool Active { get; set; } = true;
}

/// <param name="Path">The form's public address, relative to the app (<c>/f/{token}</c>).</param>
public sealed record LeadFormResponse(long Id, string Name, string Path, bool Active, long Version);

public static class LeadFormsApi
{
    /// <summary>The company's public forms: the owner makes and closes them.</summary>
    public static RouteGroupBuilder MapLeadForms(this RouteGroupBuilder api)
    {
        api.MapEntity("/lead-forms", "Pipeline", Spec, (query, _) => query);
        return api;
    }

    public static readonly EntitySpec<LeadForm, LeadFormInput, LeadFormResponse> Spec = new()
    {
        Name = "Lead form",
        Query = db => db.LeadForms,
        ToInput = f => new LeadFormInput { Name = f.Name, Active = f.Active },
        ToResponse = f => new LeadFormResponse(f.Id, f.Name, "/f/" + f.Token, f.Active, f.Version),
        Check = (ctx, input) =>
        {
            var e = new Errors();
            input.Name = e.Required("name", input.Name, 100);
            return Task.FromResult(e);
        },
        // 256 random bits: a form's address is its only key.
        Create = input => new LeadForm { Name = input.Name!, Active = input.Active, Token = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) },
        Apply = (f, input) => { f.Name = input.Name!; f.Active = input.Active; },
    };
}
