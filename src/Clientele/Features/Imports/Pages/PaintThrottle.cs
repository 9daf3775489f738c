namespace Clientele.Features.Imports.Pages;

/// <summary>Progress callbacks come many times a second; a component is repainted at most five times a second.</summary>
public sealed class PaintThrottle(TimeProvider clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private long? last;

    public bool Due()
    {
        var now = clock.GetTimestamp();
        if (last is { } then && clock.GetElapsedTime(then, now) < Interval) return false;
        last = now;
        return true;
    }
}
