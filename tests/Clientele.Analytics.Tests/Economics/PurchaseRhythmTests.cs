using Clientele.Analytics.Economics;

namespace Clientele.Analytics.Tests.Economics;

public sealed class PurchaseRhythmTests
{
    [Fact]
    public void Hand_computed_rhythm()
    {
        // Four purchases over 30 days: three intervals of 10 on average.
        Assert.Equal(10.0, PurchaseRhythm.AverageIntervalDays(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), 4));
        Assert.Equal(0.0, PurchaseRhythm.AverageIntervalDays(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1), 2));
        Assert.Null(PurchaseRhythm.AverageIntervalDays(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1), 1));
        Assert.Null(PurchaseRhythm.AverageIntervalDays(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 1), 0));
        Assert.Throws<ArgumentException>(() => PurchaseRhythm.AverageIntervalDays(new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 1), 2));
    }

    [Fact]
    public void Silence_is_measured_in_the_clients_own_intervals()
    {
        // 20 days after the last purchase with a 10-day rhythm: two intervals late.
        Assert.Equal(2.0, PurchaseRhythm.IntervalsSinceLast(new DateOnly(2025, 1, 31), 10.0, new DateOnly(2025, 2, 20)));
        Assert.Null(PurchaseRhythm.IntervalsSinceLast(new DateOnly(2025, 1, 31), null, new DateOnly(2025, 2, 20)));
        Assert.Null(PurchaseRhythm.IntervalsSinceLast(new DateOnly(2025, 1, 31), 0.0, new DateOnly(2025, 2, 20)));
    }

    [Fact]
    public void The_average_times_the_intervals_spans_first_to_last()
    {
        var random = new Random(37);
        for (var run = 0; run < 500; run++)
        {
            var first = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 2000));
            var last = first.AddDays(random.Next(0, 2000));
            var count = random.Next(2, 300);
            var average = PurchaseRhythm.AverageIntervalDays(first, last, count)!.Value;
            Assert.Equal(last.DayNumber - first.DayNumber, average * (count - 1), 6);
            var silence = random.Next(0, 1000);
            var intervals = PurchaseRhythm.IntervalsSinceLast(last, average, last.AddDays(silence));
            if (average > 0) Assert.Equal(silence, intervals!.Value * average, 6);
            else Assert.Null(intervals);
        }
    }
}
