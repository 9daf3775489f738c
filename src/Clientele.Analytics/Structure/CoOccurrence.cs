namespace Clientele.Analytics.Structure;

/// <summary>
/// How often product categories are bought by the same client, over the whole base: the counts behind item-to-item
/// co-occurrence ("clients who bought A also bought B"). Categories are indexes 0..n−1; a client's basket is the set of
/// categories it has ever bought.
/// </summary>
/// <param name="Baskets">Clients with at least one category.</param>
/// <param name="Clients">Clients per category.</param>
/// <param name="Pairs">Clients with both categories, for a &lt; b, at <see cref="PairIndex"/>.</param>
public sealed record CoOccurrenceCounts(int Baskets, int[] Clients, int[] Pairs)
{
    public int Categories => Clients.Length;

    /// <summary>Where the pair (a, b), a ≠ b, sits in <see cref="Pairs"/>: the upper triangle, row by row.</summary>
    public static int PairIndex(int a, int b, int categories)
    {
        if (a > b) (a, b) = (b, a);
        return a * (2 * categories - a - 1) / 2 + (b - a - 1);
    }

    public int Together(int a, int b) => a == b ? Clients[a] : Pairs[PairIndex(a, b, Categories)];
}

/// <summary>What the co-occurrence says about offering <see cref="Category"/> to a client who has <see cref="Because"/>.</summary>
/// <param name="Support">Share of all baskets with both categories.</param>
/// <param name="Confidence">Share of the baskets with <see cref="Because"/> that also have <see cref="Category"/>.</param>
/// <param name="Lift">Confidence over the share of all baskets with <see cref="Category"/>: above 1, having
/// <see cref="Because"/> makes <see cref="Category"/> more likely than it is in the base.</param>
/// <param name="Together">Clients with both categories.</param>
public sealed record NextCategory(int Category, int Because, double Support, double Confidence, double Lift, int Together);

public static class CoOccurrence
{
    /// <summary>Counts the categories and their pairs over the baskets; each basket's categories are taken once.</summary>
    public static CoOccurrenceCounts Count(IEnumerable<int[]> baskets, int categories)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(categories);
        var clients = new int[categories];
        var pairs = new int[categories * (categories - 1) / 2];
        var seen = 0;
        foreach (var raw in baskets)
        {
            var basket = Distinct(raw);
            if (basket.Length == 0) continue;
            seen++;
            for (var i = 0; i < basket.Length; i++)
            {
                clients[basket[i]]++;
                for (var j = i + 1; j < basket.Length; j++) pairs[CoOccurrenceCounts.PairIndex(basket[i], basket[j], categories)]++;
            }
        }
        return new CoOccurrenceCounts(seen, clients, pairs);
    }

    /// <summary>Support, confidence and lift of offering <paramref name="offer"/> to a basket with <paramref name="because"/>; null when either category has no clients.</summary>
    public static NextCategory? Rule(CoOccurrenceCounts counts, int because, int offer)
    {
        var (withBecause, withOffer) = (counts.Clients[because], counts.Clients[offer]);
        if (counts.Baskets == 0 || withBecause == 0 || withOffer == 0 || because == offer) return null;
        var together = counts.Together(because, offer);
        var confidence = (double)together / withBecause;
        return new NextCategory(offer, because, (double)together / counts.Baskets, confidence, confidence / ((double)withOffer / counts.Baskets), together);
    }

    /// <summary>
    /// The categories a client with <paramref name="basket"/> has not bought that clients with a similar basket did:
    /// for each such category, the rule from the client's own category with the highest lift (then confidence), kept
    /// when at least <paramref name="minTogether"/> clients had both and the lift is above 1; best first, at most
    /// <paramref name="top"/>.
    /// </summary>
    public static IReadOnlyList<NextCategory> Next(CoOccurrenceCounts counts, ReadOnlySpan<int> basket, int minTogether, int top)
    {
        var own = Distinct(basket.ToArray());
        var has = new bool[counts.Categories];
        foreach (var c in own) has[c] = true;
        var best = new List<NextCategory>();
        for (var offer = 0; offer < counts.Categories; offer++)
        {
            if (has[offer]) continue;
            NextCategory? chosen = null;
            foreach (var because in own)
            {
                if (Rule(counts, because, offer) is not { } rule || rule.Together < minTogether || rule.Lift <= 1) continue;
                if (chosen is null || rule.Lift > chosen.Lift || (rule.Lift == chosen.Lift && rule.Confidence > chosen.Confidence)) chosen = rule;
            }
            if (chosen is not null) best.Add(chosen);
        }
        return [.. best.OrderByDescending(r => r.Lift).ThenByDescending(r => r.Confidence).ThenBy(r => r.Category).Take(top)];
    }

    private static int[] Distinct(int[] basket)
    {
        if (basket.Length < 2) return basket;
        var copy = (int[])basket.Clone();
        Array.Sort(copy);
        var n = 1;
        for (var i = 1; i < copy.Length; i++) if (copy[i] != copy[n - 1]) copy[n++] = copy[i];
        return n == copy.Length ? copy : copy[..n];
    }
}
