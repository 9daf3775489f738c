using System.Globalization;
using System.Text;

namespace Clientele.Tests.Infrastructure;

/// <summary>
/// The console is one per process, but the command line runs in-process for many tests at once: installed once,
/// <see cref="Console.Out"/>, <see cref="Console.Error"/> and <see cref="Console.In"/> forward to the streams of the
/// run whose async flow is writing or reading (an <see cref="AsyncLocal{T}"/>), and to the real console outside a run.
/// </summary>
internal static class ConsoleRouting
{
    internal sealed record Streams(TextWriter Out, TextWriter Error, TextReader In);

    private static readonly AsyncLocal<Streams?> Current = new();
    private static readonly Lazy<(CultureInfo Culture, CultureInfo UiCulture)> ProcessCultures = new(Install);

    /// <summary>Routes this async flow's console to <paramref name="streams"/>, with the cultures a fresh process starts with.</summary>
    /// <remarks>Call from inside the async method that runs the command: the flow's value ends with that method.</remarks>
    public static void Enter(Streams streams)
    {
        var (culture, uiCulture) = ProcessCultures.Value;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        Current.Value = streams;
    }

    private static (CultureInfo, CultureInfo) Install()
    {
        var (stdout, stderr, stdin) = (Console.Out, Console.Error, Console.In);
        Console.SetOut(new RoutingWriter(() => Current.Value?.Out ?? stdout));
        Console.SetError(new RoutingWriter(() => Current.Value?.Error ?? stderr));
        Console.SetIn(new RoutingReader(() => Current.Value?.In ?? stdin));
        // What the process started with (from LANG/LC_ALL), as a child process would get it; a test may have changed its own.
        return (CultureInfo.DefaultThreadCurrentCulture ?? CultureInfo.InstalledUICulture, CultureInfo.DefaultThreadCurrentUICulture ?? CultureInfo.InstalledUICulture);
    }

    private sealed class RoutingWriter(Func<TextWriter> target) : TextWriter
    {
        public override Encoding Encoding => target().Encoding;
        public override IFormatProvider FormatProvider => target().FormatProvider;
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine { get => target().NewLine; set => target().NewLine = value; }
        public override void Write(char value) => target().Write(value);
        public override void Write(string? value) => target().Write(value);
        public override void Write(char[] buffer, int index, int count) => target().Write(buffer, index, count);
        public override void Write(ReadOnlySpan<char> buffer) => target().Write(buffer);
        public override void WriteLine() => target().WriteLine();
        public override void WriteLine(string? value) => target().WriteLine(value);
        public override void WriteLine(ReadOnlySpan<char> buffer) => target().WriteLine(buffer);
        public override Task WriteAsync(char value) => target().WriteAsync(value);
        public override Task WriteAsync(string? value) => target().WriteAsync(value);
        public override Task WriteAsync(char[] buffer, int index, int count) => target().WriteAsync(buffer, index, count);
        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => target().WriteAsync(buffer, cancellationToken);
        public override Task WriteLineAsync() => target().WriteLineAsync();
        public override Task WriteLineAsync(char value) => target().WriteLineAsync(value);
        public override Task WriteLineAsync(string? value) => target().WriteLineAsync(value);
        public override Task WriteLineAsync(char[] buffer, int index, int count) => target().WriteLineAsync(buffer, index, count);
        public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => target().WriteLineAsync(buffer, cancellationToken);
        public override void Flush() => target().Flush();
        public override Task FlushAsync() => target().FlushAsync();
        public override Task FlushAsync(CancellationToken cancellationToken) => target().FlushAsync(cancellationToken);
    }

    private sealed class RoutingReader(Func<TextReader> target) : TextReader
    {
        public override int Peek() => target().Peek();
        public override int Read() => target().Read();
        public override int Read(char[] buffer, int index, int count) => target().Read(buffer, index, count);
        public override int Read(Span<char> buffer) => target().Read(buffer);
        public override string? ReadLine() => target().ReadLine();
        public override string ReadToEnd() => target().ReadToEnd();
        public override Task<string?> ReadLineAsync() => target().ReadLineAsync();
        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => target().ReadLineAsync(cancellationToken);
        public override Task<string> ReadToEndAsync() => target().ReadToEndAsync();
        public override Task<string> ReadToEndAsync(CancellationToken cancellationToken) => target().ReadToEndAsync(cancellationToken);
        public override Task<int> ReadAsync(char[] buffer, int index, int count) => target().ReadAsync(buffer, index, count);
        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) => target().ReadAsync(buffer, cancellationToken);
    }
}
