using System.Runtime.CompilerServices;

namespace Clientele.Tests.Backup;

/// <summary>
/// The automatic backups of a test run (before an upgrade) and their key live in a directory of the run, not in the
/// developer's ~/.local/share/clientele; child processes inherit the setting.
/// </summary>
internal static class AutomaticBackupLocation
{
#pragma warning disable CA2255 // The test assembly is this run's program: its settings must be in place before any host is built.
    [ModuleInitializer]
    internal static void UseRunDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"clientele-backups-{Environment.ProcessId}-{Guid.NewGuid():N}");
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
