using System.Runtime.CompilerServices;

namespace Clientele.Tests.Audit;

/// <summary>
/// The chain key and the anchors of a test run live in a directory of their own, not in the developer's
/// ~/.local/share/clientele: every app, in-process command and child process of the run (they inherit the environment)
/// finds the same key, and thousands of throw-away databases leave no anchors behind.
/// </summary>
internal static class AuditKeyLocation
{
#pragma warning disable CA2255 // The test assembly is this run's program: its settings must be in place before any host is built.
    [ModuleInitializer]
    internal static void UseRunDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"clientele-audit-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Environment.SetEnvironmentVariable("Clientele__Audit__KeyFile", Path.Combine(directory, "audit-chain.key"));
        Environment.SetEnvironmentVariable("Clientele__Audit__AnchorDirectory", Path.Combine(directory, "anchors"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { /* a leftover temp directory does not fail a run */ }
        };
    }
#pragma warning restore CA2255
}
