namespace Clientele.Features.Demo;

/// <summary>Random tax ids with correct check digits, so the demo base passes the same validation as real input.</summary>
internal static class DemoTaxIds
{
    public static string Inn10(Random rng) => Complete(rng, 9, TaxIdsFor.Inn10);

    public static string Inn12(Random rng) => Complete(rng, 10, TaxIdsFor.Inn12);

    public static string GermanVatId(Random rng)
    {
        for (; ; )
        {
            var candidate = "DE" + rng.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (TaxIds.IsValidGermanVatId(candidate)) return candidate;
        }
    }

    private static string Complete(Random rng, int digits, Func<string, string?> complete)
    {
        for (; ; )
        {
            var stem = string.Concat(Enumerable.Range(0, digits).Select(i => i == 0 ? (char)('1' + rng.Next(9)) : (char)('0' + rng.Next(10))));
            if (complete(stem) is { } inn) return inn;
        }
    }

    private static class TaxIdsFor
    {
        public static string? Inn10(string stem) => Enumerable.Range(0, 10).Select(d => stem + d).FirstOrDefault(TaxIds.IsValidInn);

        public static string? Inn12(string stem) =>
            Enumerable.Range(0, 100).Select(d => stem + d.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault(TaxIds.IsValidInn);
    }
}
