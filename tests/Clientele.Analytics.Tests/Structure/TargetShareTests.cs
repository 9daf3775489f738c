using Clientele.Analytics.Calendar;
using Clientele.Analytics.Structure;

namespace Clientele.Analytics.Tests.Structure;

public sealed class TargetShareTests
{
    private static readonly int Jan = MonthIndex.Of(2025, 1);

    [Fact]
    public void Hand_computed_months()
    {
        int[] joined = [Jan, Jan + 1, Jan + 1, Jan + 3];
        bool[] target = [true, false, true, true];
        ClientMonthValue[] rows =
        [
            new(0, Jan, 100m, 20m), new(1, Jan + 1, 300m, 60m), new(2, Jan + 1, 100m, -10m),
            new(0, Jan + 2, 50m, 5m), new(1, Jan + 2, 50m, -20m), new(3, Jan + 3, 999m, 999m), new(2, Jan - 1, 7m, 7m),
        ];

        var points = TargetShare.Monthly(joined, target, rows, Jan, Jan + 2);

        Assert.Equal(new TargetSharePoint(Jan, 1, 1, 1.0, 100m, 100m, 1.0, 20m, 20m, 1.0), points[0]);
        // The target client 2 loses 10 of a base that earns 50: a negative share.
        Assert.Equal(new TargetSharePoint(Jan + 1, 3, 2, 2.0 / 3, 400m, 100m, 0.25, 50m, -10m, -0.2), points[1]);
        // The base as a whole loses: no contribution share.
        Assert.Equal(new TargetSharePoint(Jan + 2, 3, 2, 2.0 / 3, 100m, 50m, 0.5, -15m, 5m, null), points[2]);
        Assert.Equal(3, points.Length);
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TargetShare.Monthly([Jan], [], [], Jan, Jan));
        Assert.Throws<ArgumentException>(() => TargetShare.Monthly([], [], [], Jan, Jan - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => TargetShare.Monthly([Jan], [true], [new ClientMonthValue(1, Jan, 1m, 1m)], Jan, Jan));
    }

    [Fact]
    public void Matches_the_definition_on_a_random_base()
    {
        var random = new Random(61);
        var n = 5_000;
        var joined = Enumerable.Range(0, n).Select(_ => Jan + random.Next(-24, 24)).ToArray();
        var target = Enumerable.Range(0, n).Select(_ => random.Next(3) == 0).ToArray();
        var rows = Enumerable.Range(0, 40_000).Select(_ =>
        {
            var client = random.Next(n);
            return new ClientMonthValue(client, joined[client] + random.Next(0, 12), random.Next(1, 1000), random.Next(-200, 400));
        }).ToArray();

        var points = TargetShare.Monthly(joined, target, rows, Jan - 6, Jan + 12);

        for (var k = 0; k < points.Length; k++)
        {
            var p = points[k];
            var month = Jan - 6 + k;
            var inMonth = rows.Where(r => r.Month == month).ToArray();
            Assert.Equal(month, p.Month);
            Assert.Equal(joined.Count(j => j <= month), p.Clients);
            Assert.Equal(joined.Where((j, c) => j <= month && target[c]).Count(), p.TargetClients);
            Assert.Equal(inMonth.Sum(r => r.Revenue), p.Revenue);
            Assert.Equal(inMonth.Where(r => target[r.Client]).Sum(r => r.Contribution), p.TargetContribution);
            Assert.InRange(p.ClientShare!.Value, 0, 1);
            Assert.InRange(p.RevenueShare!.Value, 0, 1);
            if (k > 0) Assert.True(p.Clients >= points[k - 1].Clients);
        }
    }
}
