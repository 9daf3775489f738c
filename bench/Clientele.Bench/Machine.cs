using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Clientele.Bench;

/// <summary>Where the figures were measured; the load average shows how much else was running.</summary>
public sealed record Machine(string Cpu, int Cores, double MemoryGb, string Os, string Runtime, string Sqlite, string Commit)
{
    public static Machine Describe(string sqliteVersion, string repoRoot)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return new Machine(cpu ?? RuntimeInformation.ProcessArchitecture.ToString(), Environment.ProcessorCount,
            Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9, 1), RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription, sqliteVersion, Git(repoRoot, "rev-parse --short HEAD") ?? "?");
    }

    /// <summary>1, 5 and 15 minute load averages: above the core count means the CPU was shared.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Git(string dir, string args)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", args) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true });
            var output = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The repository root (where Clientele.slnx is), for the default results folder.</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Clientele.slnx"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }
}
