using Clientele.Analytics.Calendar;
using Clientele.Features.Company;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Surveys;

/// <summary>
/// A named wish of the register ("widen the assortment in the right direction"): the free-text answers to "which
/// product or service would help you" that the owner or an analyst merged into it, each answer in at most one wish.
/// </summary>
public sealed class ProductWish : IHasId, IVersioned, IStamped
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

internal sealed class ProductWishConfiguration : IEntityTypeConfiguration<ProductWish>
{
    public void Configure(EntityTypeBuilder<ProductWish> b)
    {
        b.Property(w => w.Name).HasMaxLength(ProductWishes.MaxName);
        b.Property(w => w.Version).IsConcurrencyToken();
    }
}

/// <param name="Text">The client's own words.</param>
public sealed record WishAnswer(long AnswerId, string Text, DateOnly AnsweredOn);

/// <param name="Revenue">What the clients who asked brought in the last 12 months (this month and the 11 before), in the base currency.</param>
/// <param name="Newest">The newest answers merged into the wish, at most <see cref="ProductWishes.NewestShown"/>.</param>
public sealed record WishLine(long Id, string Name, int Answers, int Clients, decimal Revenue, IReadOnlyList<WishAnswer> Newest);

/// <param name="Unsorted">Answers with a wish not yet merged into one, newest first, at most <see cref="ProductWishes.MaxUnsorted"/>.</param>
public sealed record WishRegister(IReadOnlyList<WishLine> Wishes, IReadOnlyList<WishAnswer> Unsorted);

public sealed class WishMergeInput
{
    /// <summary>The new wish's name; ignored when merging into an existing wish.</summary>
    public string? Name { get; set; }
    public List<long> AnswerIds { get; set; } = [];
}

/// <summary>The register of product wishes: built from the answers the reader sees, merged set-wise.</summary>
public static class ProductWishes
{
    public const int MaxName = 200;
    public const int NewestShown = 5;
    public const int MaxUnsorted = 500;
    public const int MaxMerged = 1000;
    public const int RevenueMonths = 12;

    public static async Task<WishRegister> BuildAsync(ClienteleDb db, TimeProvider clock, CancellationToken ct)
    {
        var days = await CompanyDays.OfAsync(db, ct);
        var answers = await db.SurveyAnswers.AsNoTracking().Where(a => a.WishId != null)
            .Select(a => new { a.Id, Wish = a.WishId!.Value, a.ClientId, Text = a.ProductWish!, a.AnsweredAt }).ToListAsync(ct);
        var clients = answers.Select(a => a.ClientId).Distinct().ToList();
        var firstMonth = MonthIndex.Of(days.Today(clock)) - (RevenueMonths - 1);
        // Summed here: SQLite has no decimal sum; one row per client and month of the wishes' clients.
        var revenue = (await db.ClientMonthFigures.AsNoTracking().Where(f => f.Month >= firstMonth && clients.Contains(f.ClientId))
                .Select(f => new { f.ClientId, f.Revenue }).ToListAsync(ct))
            .GroupBy(f => f.ClientId).ToDictionary(g => g.Key, g => g.Sum(f => f.Revenue));
        var wishes = await db.ProductWishes.AsNoTracking().ToListAsync(ct);
        var byWish = answers.ToLookup(a => a.Wish);
        var lines = wishes.Select(w =>
            {
                var merged = byWish[w.Id].ToList();
                var asked = merged.Select(a => a.ClientId).Distinct().ToList();
                return new WishLine(w.Id, w.Name, merged.Count, asked.Count, asked.Sum(c => revenue.GetValueOrDefault(c)),
                    [.. merged.OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id).Take(NewestShown).Select(a => new WishAnswer(a.Id, a.Text, days.DayOf(a.AnsweredAt)))]);
            })
            .OrderByDescending(l => l.Clients).ThenByDescending(l => l.Revenue).ThenBy(l => l.Name, StringComparer.CurrentCulture).ToList();
        var unsorted = await db.SurveyAnswers.AsNoTracking().Where(a => a.ProductWish != null && a.WishId == null)
            .OrderByDescending(a => a.AnsweredAt).ThenByDescending(a => a.Id).Take(MaxUnsorted)
            .Select(a => new { a.Id, Text = a.ProductWish!, a.AnsweredAt }).ToListAsync(ct);
        return new WishRegister(lines, [.. unsorted.Select(a => new WishAnswer(a.Id, a.Text, days.DayOf(a.AnsweredAt)))]);
    }

    /// <summary>
    /// Merges the answers into the wish <paramref name="wishId"/>, or into a new wish named <see cref="WishMergeInput.Name"/>
    /// when it is null; one transaction, so a refused merge changes nothing. An answer already in a wish moves.
    /// </summary>
    public static async Task<Outcome<ProductWish>> MergeAsync(ClienteleDb db, long? wishId, WishMergeInput input, CancellationToken ct)
    {
        var e = new Errors();
        var ids = input.AnswerIds.Distinct().ToList();
        if (ids.Count == 0) e.Add("answerIds", Message.Of<SurveyText>("choose at least one answer."));
        else if (ids.Count > MaxMerged) e.Add("answerIds", Message.Of<SurveyText>("at most {0} answers at once.", MaxMerged));
        ProductWish? wish = null;
        if (wishId is { } id && (wish = await db.ProductWishes.SingleOrDefaultAsync(w => w.Id == id, ct)) is null) return Outcome<ProductWish>.NotFound();
        var name = wish is null ? e.Required("name", input.Name, MaxName) : null;
        if (!e.Any)
        {
            var found = await db.SurveyAnswers.CountAsync(a => ids.Contains(a.Id) && a.ProductWish != null, ct);
            if (found != ids.Count) e.Add("answerIds", Message.Of<SurveyText>("{0} of the answers do not exist or name no product.", ids.Count - found));
        }
        if (e.Any) return Outcome<ProductWish>.Invalid(e);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (wish is null) db.ProductWishes.Add(wish = new ProductWish { Name = name! });
        else wish.UpdatedAt = db.UtcNow;
        await db.SaveChangesAsync(ct);
        var target = wish.Id;
        await db.SurveyAnswers.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(u => u.SetProperty(a => a.WishId, target), ct);
        await transaction.CommitAsync(ct);
        return Outcome<ProductWish>.Ok(wish);
    }
}
