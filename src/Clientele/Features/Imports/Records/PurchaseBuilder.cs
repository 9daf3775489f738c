using System.Globalization;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Purchases;

namespace Clientele.Features.Imports.Records;

/// <summary>
/// Purchases: with a price column each row is a line, and consecutive rows with the same number (or, without one, the
/// same client and date) are one purchase; without it each row is a purchase of its total.
/// </summary>
internal sealed class PurchaseBuilder(RecordContext context) : RecordBuilder(context)
{
    private readonly bool _withLines = context.Map.ColumnOf("price") is not null;
    private readonly List<RecordRow> _pending = [];
    private string? _pendingKey;

    public override async Task AddAsync(RecordRow row, List<RecordUnit> ready, CancellationToken ct)
    {
        if (!_withLines)
        {
            ready.Add(await BuildAsync([row], ct));
            return;
        }
        // Raw texts, not the looked-up client: rows of one purchase belong together even when one of them is bad.
        var key = row["number"] is { } number ? "#" + number
            : string.Join('|', ImportFields.ClientIdentifiers.Select(f => row[f])) + "|" + row[ImportFields.Date];
        if (_pending.Count > 0 && key != _pendingKey) await FinishAsync(ready, ct);
        _pending.Add(row);
        _pendingKey = key;
    }

    public override async Task FinishAsync(List<RecordUnit> ready, CancellationToken ct)
    {
        if (_pending.Count == 0) return;
        ready.Add(await BuildAsync([.. _pending], ct));
        _pending.Clear();
    }

    private async Task<RecordUnit> BuildAsync(RecordRow[] rows, CancellationToken ct)
    {
        var first = rows[0];
        var currencies = new HashSet<string>(StringComparer.Ordinal);
        var date = first.DateTime(ImportFields.Date);
        var discount = first.Amount("discount", currencies) ?? 0;
        var bonus = first.Amount("bonus", currencies) ?? 0;
        var kickback = first.Amount("kickback", currencies) ?? 0;
        var paymentDue = first.Date("payment_due");
        var paidOn = first.Date("paid_on");
        var manager = await Context.Lookups.ManagerAsync(first, ct);
        var lines = new List<PurchaseLineInput>();
        foreach (var row in rows)
        {
            if (row.ClientId != first.ClientId && row.Problem is null && first.Problem is null)
                row.Reject(row.ClientField, Message.Of<RecordText>("this line names another client than line {0} of the same purchase.", first.Line).Encode());
            lines.Add(await LineAsync(row, discount, currencies, ct));
        }
        var input = new PurchaseInput
        {
            ClientId = first.ClientId ?? 0, Date = date ?? default, Lines = [.. lines], Discount = discount, Bonus = bonus, Kickback = kickback,
            Currency = first.Currency(currencies, Context.Company.BaseCurrency), PaymentDue = paymentDue, PaidOn = paidOn, ManagerId = manager,
            Number = first["number"], Source = first["source"],
        };
        return new RecordUnit<Purchase, PurchaseInput, PurchaseResponse>(rows, PurchasesApi.Spec, input, ImportCreatedRecord.Purchase, f => Locate(first, f),
            p => (p.ClientId, p.Date, p.Total));
    }

    private async Task<PurchaseLineInput> LineAsync(RecordRow row, decimal discount, HashSet<string> currencies, CancellationToken ct)
    {
        var productId = await Context.Lookups.ProductAsync(row["sku"], row["product"], ct);
        var description = productId is null ? row["product"] ?? row["sku"] : row["product"];
        if (_withLines)
        {
            var quantity = row.Amount("quantity") ?? 1;
            var price = row.Amount("price", currencies);
            if (price is null) row.Reject("price", Message.Of("is required.").Encode());
            var unitCost = row.Amount("unit_cost", currencies)
                ?? (row.Amount("cost_of_goods", currencies) is { } cost && quantity > 0 ? Math.Round(cost / quantity, 2) : null);
            return new PurchaseLineInput { ProductId = productId, Description = description, Quantity = quantity, Price = price ?? 0, UnitCost = unitCost };
        }
        // A purchase known by its total: one line whose price, less the discount, is that total.
        var total = row.Amount("total", currencies);
        if (total is null) row.Reject("total", Message.Of("is required.").Encode());
        return new PurchaseLineInput
        {
            ProductId = productId, Description = productId is null ? description ?? row["number"] ?? "Total" : description,
            Quantity = 1, Price = (total ?? 0) + discount, UnitCost = row.Amount("cost_of_goods", currencies) ?? row.Amount("unit_cost", currencies),
        };
    }

    private (string?, int) Locate(RecordRow first, string apiField)
    {
        if (Common(first, apiField) is { } common) return (common, 0);
        if (apiField.StartsWith("lines[", StringComparison.Ordinal))
        {
            var close = apiField.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(apiField[6..close], CultureInfo.InvariantCulture);
            var field = apiField[(close + 1)..].TrimStart('.') switch
            {
                "quantity" => "quantity",
                "price" => _withLines ? "price" : "total",
                "unitCost" => _withLines ? "unit_cost" : "cost_of_goods",
                _ => "product",
            };
            return (field, index);
        }
        return (apiField switch
        {
            "lines" => _withLines ? "price" : "total",
            "paidOn" => "paid_on",
            "paymentDue" => "payment_due",
            var plain => plain,
        }, 0);
    }
}
