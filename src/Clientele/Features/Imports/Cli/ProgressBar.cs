using System.Diagnostics;
using System.Globalization;

namespace Clientele.Features.Imports.Cli;

/// <summary>
/// The import's progress on stderr: <c>[########------] 57% 570,000/1,000,000 rows  182,000 rows/s  ETA 2 s</c>,
/// redrawn in place at most ten times a second on a terminal, or a plain line every two seconds into a log.
/// </summary>
public sealed class ProgressBar(TextWriter output, bool terminal) : IProgress<ImportProgress>
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = long.MinValue / 2;
    private string? _phase;
    private long _phaseStarted;
    private bool _open;

    public static ProgressBar ForStandardError() => new(Console.Error, !Console.IsErrorRedirected);

    public void Report(ImportProgress value)
    {
        var now = _clock.ElapsedMilliseconds;
        var phaseChanged = value.Phase != _phase;
        if (phaseChanged)
        {
            Finish();
            _phaseStarted = now;
        }
        _phase = value.Phase;
        var complete = value.RowsTotal is { } all && value.RowsDone >= all;
        if (!phaseChanged && !complete && now - _lastDraw < (terminal ? 100 : 2000)) return;
        _lastDraw = now;
        var line = Format(value);
        if (terminal)
        {
            output.Write("\r" + line.PadRight(100));
            _open = true;
        }
        else output.WriteLine(line);
    }

    /// <summary>Ends the bar's line so what is printed next starts on its own.</summary>
    public void Finish()
    {
        if (_open) output.WriteLine();
        _open = false;
        if (_phase is not null)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{_phase} took {(_clock.ElapsedMilliseconds - _phaseStarted) / 1000.0:0.0} s"));
        _phase = null;
    }

    public static string Format(ImportProgress p)
    {
        var c = CultureInfo.InvariantCulture;
        var rate = string.Create(c, $"{p.RowsPerSecond:N0} rows/s");
        if (p.RowsTotal is not { } total || total == 0)
            return string.Create(c, $"{p.Phase,-9} {p.RowsDone:N0} rows  {rate}");
        var fraction = Math.Clamp((double)p.RowsDone / total, 0, 1);
        var filled = (int)Math.Round(fraction * Width);
        var eta = p.Remaining is { } left ? "  ETA " + Duration(left) : "";
        return string.Create(c, $"{p.Phase,-9} [{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,3:0}% {p.RowsDone:N0}/{total:N0} rows  {rate}{eta}");
    }

    private static string Duration(TimeSpan t) => t.TotalSeconds < 90
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Ceiling(t.TotalSeconds):0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes} min {t.Seconds} s");
}
