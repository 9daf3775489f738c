using System.Runtime.CompilerServices;

namespace Clientele.Tests.Infrastructure;

/// <summary>
/// The files an app keeps outside its database — the audit chain's key and anchors, the automatic backups and their
/// key — live in one directory of the test run, not in the developer's ~/.local/share/clientele: every app, in-process
/// command and child process of the run (they inherit the environment) finds the same keys, and thousands of
/// throw-away databases leave nothing behind.
/// </summary>
internal static class RunDirectory
{
#pragma warning disable CA2255 // The test assembly is this run's program: its settings must be in place before any host is built.
    [ModuleInitializer]
    internal static void UseRunDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"clientele-run-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Environment.SetEnvironmentVariable("Clientele__Audit__KeyFile", Path.Combine(directory, "audit-chain.key"));
        Environment.SetEnvironmentVariable("Clientele__Audit__AnchorDirectory", Path.Combine(directory, "anchors"));
        Environment.SetEnvironmentVariable("Clientele__Backup__Directory", Path.Combine(directory, "backups"));
        Environment.SetEnvironmentVariable("Clientele__Backup__KeyFile", Path.Combine(directory, "backup.key"));
        // Small, so that the scheduled-backup test sees pruning after three runs.
        Environment.SetEnvironmentVariable("Clientele__Backup__Keep", "2");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { /* a leftover temp directory does not fail a run */ }
        };
    }
#pragma warning restore CA2255
}
