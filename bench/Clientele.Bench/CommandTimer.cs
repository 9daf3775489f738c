using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clientele.Bench;

/// <summary>One statement EF Core ran: its SQL, from execution to the reader's disposal (so reading the rows counts), and the rows read.</summary>
public sealed record CommandTiming(string Sql, double Ms, int Rows);

/// <summary>Times every statement of the contexts it is added to, to show where a loader spends its time without touching it.</summary>
public sealed class CommandTimer : DbCommandInterceptor
{
    private readonly List<CommandTiming> _log = [];

    public List<CommandTiming> Take()
    {
        lock (_log)
        {
            var taken = _log.ToList();
            _log.Clear();
            return taken;
        }
    }

    private void Add(DbCommand command, TimeSpan duration, int rows)
    {
        lock (_log) _log.Add(new CommandTiming(command.CommandText, duration.TotalMilliseconds, rows));
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Add(command, DateTimeOffset.UtcNow - eventData.StartTime, eventData.ReadCount);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Add(command, eventData.Duration, result);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData.Duration, result);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Add(command, eventData.Duration, 1);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Add(command, eventData.Duration, 1);
        return ValueTask.FromResult(result);
    }
}

/// <summary>Collects the loader's phases (its <c>Clientele.Analytics</c> activities) with their durations.</summary>
public sealed class PhaseTimer : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly List<(string Name, double Ms)> _phases = [];

    public PhaseTimer()
    {
        _listener = new ActivityListener
        {
            // By name: the source is created while the listener is asked, so it cannot be read from its field yet.
            ShouldListenTo = source => source.Name == "Clientele.Analytics",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => { lock (_phases) _phases.Add((activity.DisplayName, activity.Duration.TotalMilliseconds)); },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public List<(string Name, double Ms)> Take()
    {
        lock (_phases)
        {
            var taken = _phases.ToList();
            _phases.Clear();
            return taken;
        }
    }

    public void Dispose() => _listener.Dispose();
}
