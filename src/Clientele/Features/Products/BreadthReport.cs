using Clientele.Analytics.Calendar;
using Clientele.Analytics.Structure;
using Clientele.Features.Company;
using Clientele.Features.Purchases;

namespace Clientele.Features.Products;

/// <summary>One month of the breadth report: buyers by how many categories they have bought so far, and who widened.</summary>
/// <param name="Month">yyyy-MM, the company's month.</param>
public sealed record BreadthMonthResponse(string Month, int Buyers, decimal AverageCategories, int OneCategory, int TwoCategories, int ThreeCategories,
    int FourOrMore, int Widened);

/// <summary>
/// Issue 21's report of breadth (categories per client) over time: whether the base is being brought to more of the
/// assortment, from the first month each client bought each category (<see cref="Breadth"/>). In the reader's view: a
/// manager's report counts their own clients only; nothing in it names a client.
/// </summary>
public static class BreadthReport
{
    public const int DefaultMonths = 12, MaxMonths = 60;

    public static async Task<IReadOnlyList<BreadthMonthResponse>> MonthsAsync(ClienteleDb db, TimeProvider clock, int months, CancellationToken ct)
    {
        var days = await CompanyDays.OfAsync(db, ct);
        var to = MonthIndex.Of(days.Today(clock));
        var from = to - months + 1;
        // The first purchase of each category by each client; a return line (negative quantity) is not buying.
        var firsts = (from line in db.Set<PurchaseLine>()
                      join purchase in db.Purchases on line.PurchaseId equals purchase.Id
                      join product in db.Products on line.ProductId equals product.Id
                      where product.CategoryId != null && line.Quantity > 0
                      group purchase.Date by new { purchase.ClientId, CategoryId = product.CategoryId!.Value } into g
                      select new { g.Key.ClientId, First = g.Min() }).OrderBy(f => f.ClientId);
        var clients = await PerClient.GatherAsync(firsts, f => f.ClientId, f => MonthIndex.Of(days.DayOf(f.First)), ct);
        return [.. Breadth.OverMonths(clients, from, to).Select(m => new BreadthMonthResponse(
            $"{MonthIndex.Year(m.Month):D4}-{MonthIndex.MonthOfYear(m.Month):D2}", m.Buyers, Math.Round((decimal)m.Average, 2), m.ByCount[0], m.ByCount[1],
            m.ByCount[2], m.ByCount[3], m.Widened))];
    }

    public static RouteGroupBuilder MapBreadth(this RouteGroupBuilder api)
    {
        api.MapGet("/analytics/breadth", async Task<IResult> (int? months, ClienteleDb db, TimeProvider clock, CancellationToken ct) =>
            {
                if (months is < 1 or > MaxMonths)
                {
                    var e = new Errors();
                    e.Add("months", Message.Of("must be between {0} and {1}.", 1, MaxMonths));
                    return Infrastructure.Api.ApiConventions.Invalid(e);
                }
                return TypedResults.Ok(await MonthsAsync(db, clock, months ?? DefaultMonths, ct));
            })
            .Produces<IReadOnlyList<BreadthMonthResponse>>().WithTags("Products").WithName("GetBreadth")
            .WithSummary("Breadth of what clients buy, month by month (default the last 12, at most 60): buyers with 1, 2, 3 and 4 or more product categories bought so far, the average, and how many added a category to those they had that month. A manager's report counts their own clients.");
        return api;
    }
}
