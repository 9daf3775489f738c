using Clientele.Features.Analytics;

namespace Clientele.Tests.Analytics;

/// <summary>When the background recomputation runs after writes: quiet for 2 s, or 30 s after the first unserved write.</summary>
public sealed class RecomputeTimingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    [Fact]
    public void The_first_look_only_learns_the_generation_and_nothing_is_due_without_a_write()
    {
        var timing = new RecomputeTiming(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        Assert.False(timing.Due(5, At(0)));
        Assert.False(timing.Due(5, At(2)));
        Assert.False(timing.Due(5, At(100)));
    }

    [Fact]
    public void One_write_is_served_once_the_writes_paused_for_the_quiet_time_and_only_once()
    {
        var timing = new RecomputeTiming(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        timing.Due(5, At(0));
        Assert.False(timing.Due(6, At(2)));   // the write is seen: quiet since 2 s
        Assert.False(timing.Due(6, At(3.9))); // 1.9 s quiet
        Assert.True(timing.Due(6, At(4)));    // 2 s quiet
        Assert.False(timing.Due(6, At(6)));   // served
    }

    [Fact]
    public void A_steady_stream_of_writes_is_served_thirty_seconds_after_its_first_write_and_then_again()
    {
        var timing = new RecomputeTiming(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        timing.Due(0, At(0));
        var dueAt = new List<double>();
        // A write every second for a minute: never quiet for 2 s.
        for (var s = 1; s <= 60; s++)
            if (timing.Due(s, At(s))) dueAt.Add(s);
        // First unserved write at 1 s → due at 31 s; the next unserved write is the one seen at 32 s → due at 62 s (after the loop).
        Assert.Equal([31d], dueAt);
        Assert.False(timing.Due(60, At(61)));
        Assert.True(timing.Due(60, At(62)));
    }
}
