using System.Diagnostics;
using System.Globalization;
using Clientele.Analytics.Structure;

namespace Clientele.Bench;

/// <summary>
/// The next-product scenario (<c>--co-occurrence [--clients N] [--categories C] [--seed S]</c>): N generated baskets
/// over C categories — 1 to 6 categories per client, most from one of ten "families" of neighbouring categories and
/// skewed towards the first of each, so some pairs are strong and most are weak — counted by
/// <see cref="CoOccurrence.Count"/> as the nightly job counts the base, then <see cref="CoOccurrence.Next"/> asked for
/// 10,000 clients as their cards ask it. Wall and this process's CPU seconds, and the memory the counts hold.
/// </summary>
public static class CoOccurrenceBench
{
    public static int Run(string[] args)
    {
        int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);
        var (clients, categories, seed) = (Arg("--clients", 1_000_000), Arg("--categories", 200), Arg("--seed", 21));
        Console.WriteLine($"Co-occurrence bench: {clients:N0} clients, {categories} categories, seed {seed}; load average before: {Machine.LoadAverage()} on {Environment.ProcessorCount} cores");

        var generate = Stopwatch.StartNew();
        var baskets = Generate(clients, categories, seed);
        var lines = baskets.Sum(b => (long)b.Length);
        Console.WriteLine($"Generated {lines:N0} client-category rows in {generate.Elapsed.TotalSeconds:0.0} s");

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var count = Stopwatch.StartNew();
        var counts = CoOccurrence.Count(baskets, categories);
        count.Stop();
        var countCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var pairs = counts.Pairs.Count(p => p > 0);
        Console.WriteLine($"Count: {count.Elapsed.TotalSeconds:0.00} s wall, {countCpu.TotalSeconds:0.00} s CPU; {counts.Baskets:N0} baskets, {pairs:N0} of {counts.Pairs.Length:N0} pairs bought together (the rows the job stores), counts {(counts.Pairs.Length + counts.Clients.Length) * 4 / 1024.0:N0} KB");

        var asked = Math.Min(10_000, baskets.Count);
        var times = new double[asked];
        var offered = 0;
        for (var i = 0; i < asked; i++)
        {
            var one = Stopwatch.StartNew();
            offered += CoOccurrence.Next(counts, baskets[i * (baskets.Count / asked)], minTogether: 3, top: 5).Count;
            times[i] = one.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"Next for {asked:N0} clients: p50 {Summary.Percentile(times, 50):0.000} ms, p95 {Summary.Percentile(times, 95):0.000} ms, p99 {Summary.Percentile(times, 99):0.000} ms; {offered / (double)asked:0.0} offers per client");
        return 0;
    }

    private static List<int[]> Generate(int clients, int categories, int seed)
    {
        var random = new Random(seed);
        var family = Math.Max(1, categories / 10);
        var baskets = new List<int[]>(clients);
        var basket = new HashSet<int>();
        for (var c = 0; c < clients; c++)
        {
            basket.Clear();
            var size = 1 + (int)Math.Floor(6 * random.NextDouble() * random.NextDouble());
            var home = random.Next(10) * family;
            while (basket.Count < size)
            {
                // Four in five from the client's family, skewed to its first categories; the rest from anywhere.
                var pick = random.NextDouble() < 0.8 ? home + (int)(family * random.NextDouble() * random.NextDouble()) : random.Next(categories);
                basket.Add(Math.Min(pick, categories - 1));
            }
            baskets.Add([.. basket]);
        }
        return baskets;
    }
}
