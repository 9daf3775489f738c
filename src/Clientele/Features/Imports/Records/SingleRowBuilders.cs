using System.Globalization;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;
using Clientele.Features.Interactions;
using Clientele.Features.ServiceCosts;

namespace Clientele.Features.Imports.Records;

/// <summary>Interactions: one per row; the type defaults to a note, the direction to outbound, the employee to the importer.</summary>
internal sealed class InteractionBuilder(RecordContext context) : RecordBuilder(context)
{
    public override async Task AddAsync(RecordRow row, List<RecordUnit> ready, CancellationToken ct)
    {
        var occurredAt = row.DateTime(ImportFields.Date);
        if (occurredAt is null) row.Reject(ImportFields.Date, Message.Of("is required.").Encode());
        var subject = row["subject"];
        var text = row["text"];
        var input = new InteractionInput
        {
            ClientId = row.ClientId ?? 0,
            EmployeeId = await Context.Lookups.ManagerAsync(row, ct) ?? Context.Job.CreatedById,
            Kind = row.Choice("type", RecordVocabulary.InteractionKinds, InteractionKind.Note),
            Direction = row.Choice("direction", RecordVocabulary.Directions, Direction.Outbound),
            OccurredAt = occurredAt,
            Outcome = row["outcome"],
            Text = subject is null ? text : text is null ? subject : subject + "\n" + text,
            Score = row.Whole("score"),
            Number = row["number"], Source = row["source"],
        };
        ready.Add(new RecordUnit<Interaction, InteractionInput, InteractionResponse>([row], InteractionsApi.Spec, input, ImportCreatedRecord.Interaction,
            f => (Common(row, f) ?? f switch
            {
                "occurredAt" => ImportFields.Date,
                "kind" => "type",
                "text" => text is null ? "subject" : "text",
                var plain => plain,
            }, 0),
            i => (i.ClientId, i.OccurredAt, i.Kind, i.Text)));
    }
}

/// <summary>Service costs: one per row, dated by a day or a month ("03.2025", "2025-03": its first day); the category defaults to other.</summary>
internal sealed class ServiceCostBuilder(RecordContext context) : RecordBuilder(context)
{
    private static readonly string[] MonthPatterns = ["yyyy-MM", "MM.yyyy", "M.yyyy", "MM/yyyy", "M/yyyy", "yyyy/MM"];

    public override Task AddAsync(RecordRow row, List<RecordUnit> ready, CancellationToken ct)
    {
        var currencies = new HashSet<string>(StringComparer.Ordinal);
        var input = new ServiceCostInput
        {
            ClientId = row.ClientId ?? 0,
            Date = DayOrMonth(row) ?? default,
            Category = row.Choice("category", RecordVocabulary.CostCategories, ServiceCostCategory.Other),
            Amount = row.Amount("amount", currencies),
            Hours = row.Amount("hours"),
            HourlyRate = row.Amount("hourly_rate", currencies),
            Note = row["description"],
            Number = row["number"], Source = row["source"],
        };
        input.Currency = row.Currency(currencies, Context.Company.BaseCurrency);
        ready.Add(new RecordUnit<ServiceCost, ServiceCostInput, ServiceCostResponse>([row], ServiceCostsApi.Spec, input, ImportCreatedRecord.ServiceCost,
            f => (Common(row, f) ?? f switch
            {
                "note" => "description",
                "hourlyRate" => "hourly_rate",
                var plain => plain,
            }, 0),
            s => (s.ClientId, s.Date, s.Amount, s.Category)));
        return Task.CompletedTask;
    }

    private static DateOnly? DayOrMonth(RecordRow row)
    {
        if (row[ImportFields.Date] is not { } text) return null;
        if (ImportValues.TryParseDate(text, out var day, out var error)) return day;
        if (DateTime.TryParseExact(text.Trim(), MonthPatterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return new DateOnly(month.Year, month.Month, 1);
        row.Reject(ImportFields.Date, error ?? Message.Of<RecordText>("'{0}' is neither a date nor a month.", text).Encode());
        return null;
    }
}
