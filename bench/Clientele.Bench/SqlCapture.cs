using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clientele.Bench;

/// <summary>A command EF Core executed, with its parameter values, to re-run raw and to explain.</summary>
public sealed record CapturedCommand(string Sql, IReadOnlyList<KeyValuePair<string, object?>> Parameters)
{
    public bool IsSettings => Sql.Contains("\"CompanySettings\"", StringComparison.Ordinal);

    public override string ToString() =>
        string.Concat(Parameters.Select(p => $"-- {p.Key} = {(p.Value is string s ? $"'{s}'" : p.Value ?? "NULL")}\n")) + Sql;
}

/// <summary>
/// Keeps the SQL that EF Core sends, from its diagnostic events: the app's query code runs untouched, and the
/// benchmark still sees the COUNT and the page as separate statements.
/// </summary>
public sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<CapturedCommand> _commands = [];

    public SqlCapture() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    public List<CapturedCommand> Take()
    {
        lock (_commands)
        {
            var taken = _commands.ToList();
            _commands.Clear();
            return taken;
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> e)
    {
        if (e.Value is not CommandEventData data) return;
        var parameters = data.Command.Parameters.Cast<System.Data.Common.DbParameter>()
            .Select(p => new KeyValuePair<string, object?>(p.ParameterName, p.Value is DBNull ? null : p.Value)).ToList();
        lock (_commands) _commands.Add(new CapturedCommand(data.Command.CommandText, parameters));
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions) _subscriptions.ForEach(s => s.Dispose());
    }
}
