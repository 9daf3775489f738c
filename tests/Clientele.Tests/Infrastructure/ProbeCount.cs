namespace Clientele.Tests.Infrastructure;

/// <summary>
/// The tests that probe the app as an attacker would (issue 17) say how many requests or cases they made, when asked:
/// with CLIENTELE_PROBE_COUNTS naming a file, each appends "category&lt;TAB&gt;test&lt;TAB&gt;count". Nothing otherwise.
/// </summary>
public static class ProbeCount
{
    private static readonly Lock Appending = new();

    public static void Report(string category, string test, int probes)
    {
        if (Environment.GetEnvironmentVariable("CLIENTELE_PROBE_COUNTS") is not { Length: > 0 } file) return;
        lock (Appending) File.AppendAllText(file, $"{category}\t{test}\t{probes}{Environment.NewLine}");
    }
}
