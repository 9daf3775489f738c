using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Clientele.Features.Economics;
using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Purchases;

public sealed class PurchaseLineInput
{
    public long? ProductId { get; set; }
    public string? Description { get; set; }
    public decimal Quantity { get; set; }
    public decimal Price { get; set; }
    /// <summary>Cost of goods per unit; taken from the product when left out.</summary>
    public decimal? UnitCost { get; set; }
}

public sealed class PurchaseInput
{
    public long ClientId { get; set; }
    public DateTime Date { get; set; }
    public PurchaseLineInput[]? Lines { get; set; }
    public decimal Discount { get; set; }
    public decimal Bonus { get; set; }
    public decimal Kickback { get; set; }
    public string? Currency { get; set; }
    /// <summary>Units of the base currency per unit of <see cref="Currency"/>; taken from the rate table when left out.</summary>
    public decimal? ExchangeRate { get; set; }
    public DateOnly? PaymentDue { get; set; }
    public DateOnly? PaidOn { get; set; }
    public long? ManagerId { get; set; }
    public string? Number { get; set; }
    /// <summary>The system <see cref="Number"/> belongs to ("1c", "bitrix24"), when it is not the app's own.</summary>
    public string? Source { get; set; }
}

public sealed record PurchaseLineResponse(long Id, long? ProductId, string? ProductName, string? Description, decimal Quantity, decimal Price, decimal UnitCost, decimal Amount);

public sealed record PurchaseResponse(
    long Id, long ClientId, DateTime Date, PurchaseLineResponse[] Lines, decimal Discount, decimal Bonus, decimal Kickback,
    decimal Total, decimal CostOfGoods, string Currency, decimal ExchangeRate, DateOnly? PaymentDue, DateOnly? PaidOn, long? ManagerId, string? Number,
    DateTime CreatedAt, DateTime UpdatedAt, long Version, string? Source = null);

public static class PurchasesApi
{
    public const int MaxLines = 500;
    /// <summary>A billion units on one line: quantity × price then stays far inside decimal arithmetic.</summary>
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>A line's quantity, wherever lines are written (a purchase, a deal's products): positive, below the maximum, at most 3 places.</summary>
    public static void CheckQuantity(Errors e, string field, decimal quantity)
    {
        if (quantity <= 0) e.Add(field, Message.Of("must be greater than zero."));
        else if (quantity >= MaxQuantity) e.Add(field, Message.Of("must be less than {0:N0}.", MaxQuantity));
        else if (quantity != Math.Round(quantity, 3)) e.Add(field, Message.Of("must have at most 3 decimal places."));
    }

    public static readonly EntitySpec<Purchase, PurchaseInput, PurchaseResponse> Spec = new()
    {
        Name = "Purchase",
        Query = db => db.Purchases.Include(p => p.Lines).ThenInclude(l => l.Product),
        ToInput = p => new PurchaseInput
        {
            ClientId = p.ClientId, Date = p.Date, Discount = p.Discount, Bonus = p.Bonus, Kickback = p.Kickback, Currency = p.Currency, ExchangeRate = p.RateToBase,
            PaymentDue = p.PaymentDue, PaidOn = p.PaidOn, ManagerId = p.ManagerId, Number = p.Number, Source = p.Source,
            Lines = [.. p.Lines.OrderBy(l => l.Id).Select(l => new PurchaseLineInput { ProductId = l.ProductId, Description = l.Description, Quantity = l.Quantity, Price = l.Price, UnitCost = l.UnitCost })],
        },
        ToResponse = p => new PurchaseResponse(p.Id, p.ClientId, p.Date,
            [.. p.Lines.OrderBy(l => l.Id).Select(l => new PurchaseLineResponse(l.Id, l.ProductId, l.Product?.Name, l.Description, l.Quantity, l.Price, l.UnitCost, l.Quantity * l.Price))],
            p.Discount, p.Bonus, p.Kickback, p.Total, p.CostOfGoods, p.Currency, p.RateToBase, p.PaymentDue, p.PaidOn, p.ManagerId, p.Number,
            p.CreatedAt, p.UpdatedAt, p.Version, p.Source),
        Check = CheckAsync,
        Create = input => Apply(new Purchase { Currency = input.Currency! }, input),
        Apply = (p, input) => Apply(p, input),
        UpdateDependants = (db, p, ct) => ClientRefresh.RunAsync(db, ClientWrite.Purchase(db, p), ct),
    };

    public static RouteGroupBuilder MapPurchases(this RouteGroupBuilder api)
    {
        api.MapEntity("/purchases", "Purchases", Spec, (query, request) =>
        {
            if (EntityEndpoints.LongQuery(request, "clientId") is { } clientId) query = query.Where(p => p.ClientId == clientId);
            if (EntityEndpoints.LongQuery(request, "managerId") is { } managerId) query = query.Where(p => p.ManagerId == managerId);
            return query;
        }).AuditsEntityClientRows<PurchaseResponse>(p => p.ClientId);
        return api;
    }

    private static async Task<Errors> CheckAsync(CheckContext<Purchase> ctx, PurchaseInput input)
    {
        var e = new Errors();
        var db = ctx.Db;
        if (ctx.Existing is { } existing && existing.ClientId != input.ClientId)
            e.Add("clientId", Message.Of("a purchase cannot be moved to another client."));
        else if (ctx.Existing is null && !await ctx.ClientExistsAsync(input.ClientId))
            e.Add("clientId", Message.Of("there is no client {0}.", input.ClientId));
        var days = await Company.CompanyDays.OfAsync(db, ctx.Cancellation);
        // A time without an offset is the company's wall clock (ADR 023); stored, like every instant, in UTC.
        if (input.Date.Year is > 1 and < 9999) input.Date = days.ToUtc(input.Date);
        if (input.Date == default) e.Add("date", Message.Of("is required."));
        else if (input.Date.Year < 1990 || input.Date > db.UtcNow.AddYears(1)) e.Add("date", Message.Of("must be between 1990 and a year from now."));
        input.Currency = e.Currency("currency", input.Currency);
        if (input.Date != default)
            input.ExchangeRate = await BaseCurrency.RateAsync(db, ctx.Company, e, "currency", input.Currency, input.ExchangeRate, days.DayOf(input.Date), ctx.Cancellation);
        input.Number = e.Optional("number", input.Number, 50);
        input.Source = e.Optional("source", input.Source, 30);
        e.Amount("discount", input.Discount);
        e.Amount("bonus", input.Bonus);
        e.Amount("kickback", input.Kickback);

        var lines = input.Lines ?? [];
        if (lines.Length == 0) e.Add("lines", Message.Of("a purchase needs at least one line."));
        if (lines.Length > MaxLines) e.Add("lines", Message.Of("at most {0} lines.", MaxLines));
        var productIds = lines.Select(l => l.ProductId).OfType<long>().Distinct().ToArray();
        var products = await ctx.ProductsAsync(productIds);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            CheckQuantity(e, $"lines[{i}].quantity", line.Quantity);
            e.Amount($"lines[{i}].price", line.Price);
            e.Amount($"lines[{i}].unitCost", line.UnitCost);
            line.Description = e.Optional($"lines[{i}].description", line.Description, 300);
            if (line.ProductId is { } productId)
            {
                if (!products.TryGetValue(productId, out var product)) e.Add($"lines[{i}].productId", Message.Of("there is no product {0}.", productId));
                else line.UnitCost ??= product.UnitCost;
            }
            else if (line.Description is null) e.Add($"lines[{i}]", Message.Of("needs a product or a description."));
            line.UnitCost ??= 0;
        }
        // Only lines whose own values passed are multiplied: 1e20 × 1e20 would overflow even decimal arithmetic.
        var linesInRange = lines.Select((_, i) => i).All(i => !e.Has($"lines[{i}].quantity") && !e.Has($"lines[{i}].price") && !e.Has($"lines[{i}].unitCost"));
        var gross = linesInRange ? lines.Sum(l => l.Quantity * l.Price) : 0;
        if (linesInRange)
        {
            for (var i = 0; i < lines.Length; i++)
                if (lines[i].Quantity * lines[i].Price >= Errors.MaxAmount || lines[i].Quantity * (lines[i].UnitCost ?? 0) >= Errors.MaxAmount)
                    e.Add($"lines[{i}]", Message.Of("quantity × price (or unit cost) must be less than {0:N0}.", Errors.MaxAmount));
            if (!e.Has("lines") && (gross >= Errors.MaxAmount || lines.Sum(l => l.Quantity * (l.UnitCost ?? 0)) >= Errors.MaxAmount))
                e.Add("lines", Message.Of("the lines must sum to less than {0:N0}.", Errors.MaxAmount));
            else if (input.ExchangeRate is { } rate && rate * gross >= Errors.MaxAmount)
                e.Add("exchangeRate", Message.Of("the purchase in the base currency must be less than {0:N0}.", Errors.MaxAmount));
        }
        if (linesInRange && input.Discount > gross && !e.Has("lines")) e.Add("discount", Message.Of("must not exceed the sum of the lines ({0:0.##}).", gross));
        if (input.PaidOn is { } paid && input.Date != default && paid < days.DayOf(input.Date))
            e.Add("paidOn", Message.Of("must not be before the purchase date."));
        if (input.PaymentDue is { } due && input.Date != default && due < days.DayOf(input.Date))
            e.Add("paymentDue", Message.Of("must not be before the purchase date."));
        if (input.ManagerId is { } managerId && !await ctx.EmployeeExistsAsync(managerId))
            e.Add("managerId", Message.Of("there is no employee {0}.", managerId));
        return e;
    }

    private static Purchase Apply(Purchase p, PurchaseInput input)
    {
        p.ClientId = input.ClientId; p.Date = input.Date; p.Discount = input.Discount; p.Bonus = input.Bonus; p.Kickback = input.Kickback;
        p.Currency = input.Currency!; p.RateToBase = input.ExchangeRate ?? 1; p.PaymentDue = input.PaymentDue; p.PaidOn = input.PaidOn; p.ManagerId = input.ManagerId; p.Number = input.Number; p.Source = input.Source;
        p.Lines.Clear();
        foreach (var line in input.Lines ?? [])
            p.Lines.Add(new PurchaseLine { ProductId = line.ProductId, Description = line.Description, Quantity = line.Quantity, Price = line.Price, UnitCost = line.UnitCost ?? 0 });
        PurchaseMath.Recalculate(p);
        return p;
    }
}
