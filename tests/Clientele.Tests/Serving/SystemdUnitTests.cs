using System.Diagnostics;
using System.Net;
using System.Text;
using Clientele.Infrastructure.Serving;

namespace Clientele.Tests.Serving;

/// <summary>
/// deploy/clientele.service as systemd would run it: the self-contained single-file program of the linux-x64 publish
/// profile, started with the unit's working directory, environment and command line (its folders moved under a temporary
/// one, a free port added) and nothing of the machine's .NET: no dotnet on PATH, no DOTNET_ROOT, an environment as bare
/// as a service's. It migrates a new database, serves /health and the sign-in page (in Russian too: the satellite
/// assemblies come out of the bundle); SIGTERM lets the request in flight finish and the process exits with 0.
/// The bundle is made from the test's own build (ADR 033's addendum): no compile, the runtime packs and the bundler only.
/// </summary>
public sealed class SystemdUnitTests : IDisposable
{
    private const string StateDirectory = "/var/lib/clientele";
    private const string InstallDirectory = "/opt/clientele";
    private readonly string _root = Directory.CreateTempSubdirectory("clientele-unit-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a leftover temp directory does not fail a run */ }
    }

    [Fact]
    public async Task The_single_file_program_started_as_the_unit_says_migrates_serves_and_on_sigterm_finishes_the_request_in_flight_and_exits_0()
    {
        Assert.True(OperatingSystem.IsLinux(), "systemd units are Linux's");
        var state = Directory.CreateDirectory(Path.Combine(_root, "state")).FullName;
        var install = Directory.CreateDirectory(Path.Combine(_root, "opt")).FullName;
        await PublishSingleFileAsync(install);
        var unit = ServiceUnit.Read(Path.Combine(RepositoryRoot(), "deploy", "clientele.service"), s => s.Replace(StateDirectory, state, StringComparison.Ordinal).Replace(InstallDirectory, install, StringComparison.Ordinal));
        var port = FreePort();

        var info = new ProcessStartInfo(unit.Executable) { WorkingDirectory = unit.WorkingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in unit.Arguments) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"https://127.0.0.1:{port}");
        // systemd starts a service with a bare environment, not the test runner's (which names the .NET it runs on):
        // a PATH without any dotnet, the system's locale (here the C one, so the start report is checked in English)
        // and the unit's own Environment= lines.
        info.Environment.Clear();
        info.Environment["PATH"] = PathWithoutDotnet();
        info.Environment["LANG"] = "C.UTF-8";
        foreach (var (name, value) in unit.Environment) info.Environment[name] = value;

        var output = new StringBuilder();
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            // The start report's last line on a new database (how to add the first owner): the whole report is out.
            if (e.Data.Contains("users add --role owner", StringComparison.Ordinal)) running.TrySetResult();
            if (e.Data.StartsWith("Clientele is stopping", StringComparison.Ordinal)) stopping.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await running.Task.WaitAsync(TimeSpan.FromSeconds(120));
            // A first start (new database, new certificate) prints what a new user needs and nothing else.
            var start = Output(output);
            Assert.Contains($"  https://127.0.0.1:{port}", start);
            Assert.Contains($"Database: sqlite:{Path.Combine(state, "clientele.db")}", start);
            Assert.Contains(Path.Combine(state, "keys", "audit-chain.key"), start);
            Assert.Matches("SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}", start);
            Assert.Contains("users add --role owner", start);
            Assert.DoesNotContain("Applying migration", start);
            Assert.DoesNotContain("PRAGMA", start);
            Assert.DoesNotContain("info:", start);
            Assert.DoesNotContain("warn:", start);

            // Where the unit says: the database it migrated, the audit key and the certificate made beside the database.
            Assert.True(File.Exists(Path.Combine(state, "clientele.db")), Output(output));
            Assert.True(File.Exists(Path.Combine(state, "keys", "audit-chain.key")), Output(output));
            Assert.True(File.Exists(Path.Combine(state, ServerCertificate.SelfSignedKeyFile)), Output(output));
            using var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
            client.BaseAddress = new Uri($"https://127.0.0.1:{port}");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
            // A page: the published folder's static files are served too (not only a build's).
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/_framework/blazor.web.js")).StatusCode);
            // The sign-in page, its form with an antiforgery token (the data-protection keys went to the unit's HOME). A
            // client of its own: the page's cookies would make the API client's sign-in below a cross-site attempt.
            using var browser = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
            browser.BaseAddress = client.BaseAddress;
            var signIn = await browser.GetStringAsync("/login");
            Assert.Contains("id=\"login-form\"", signIn);
            Assert.Contains("__RequestVerificationToken", signIn);
            using var inRussian = new HttpRequestMessage(HttpMethod.Get, "/login");
            inRussian.Headers.AcceptLanguage.ParseAdd("ru");
            var russian = await (await browser.SendAsync(inRussian)).Content.ReadAsStringAsync();
            Assert.Contains("<h1>Вход</h1>", WebUtility.HtmlDecode(russian));
            // The runtime is the bundle's: no file of the .NET that runs this test is mapped into the program.
            var mapped = await File.ReadAllTextAsync($"/proc/{process.Id}/maps");
            Assert.Contains(Path.Combine(install, "clientele"), mapped);
            Assert.DoesNotContain(DotnetRoot(), mapped);

            // A sign-in whose body is half sent when SIGTERM comes; the rest follows once the app says it is stopping.
            var body = new HalfThenRest("{\"email\":\"nobody@", "example.com\",\"password\":\"not-the-password\"}", stopping.Task);
            var inFlight = client.PostAsync("/api/v1/account/sign-in", body);
            await body.HalfSent.WaitAsync(TimeSpan.FromSeconds(60));
            var term = await Run("kill", "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)); // as systemctl stop does
            Assert.True(term.ExitCode == 0, term.Output);

            var answer = await inFlight.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            Assert.Contains("invalid", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{Output(output)}");
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>
    /// Publishes with the README's linux-x64 profile (Release, self-contained, one file) from the test's own build: the
    /// runtime packs are restored for the RID and the bundle is written around the IL the build already compiled, which
    /// does not depend on the RID. Seconds of CPU where a publish that compiles for the RID took a quarter of an hour.
    /// </summary>
    private static async Task PublishSingleFileAsync(string directory)
    {
        // The test runs from tests/Clientele.Tests/bin/CONFIGURATION/net10.0/: the app was built in the same configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var project = Path.Combine(RepositoryRoot(), "src", "Clientele", "Clientele.csproj");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        // The runtime packs and the RID's package assets. A plain restore for the RID: with the profile it would also add
        // the trimming tools (single-file turns their analyzer on) to the project's imports, which a no-build publish never uses.
        var restore = await Run(dotnet, "restore", project, "-r", "linux-x64", "--disable-build-servers", "-nologo", "-v", "quiet");
        Assert.True(restore.ExitCode == 0, restore.Output);
        var result = await Run(dotnet, "publish", project, "--no-build", "--no-restore", "-c", configuration, "-p:PublishProfile=linux-x64", "-o", directory,
            // The RID-less build's intermediate folder, where its clientele.dll and satellite assemblies are. Relative, so
            // that the referenced library project, which gets the same global property, reads its own default folder.
            $"-p:IntermediateOutputPath=obj/{configuration}/net10.0/",
            // The pages' files are precompressed for publishing; the default brotli level took 100 s here, the fastest 2.
            "-p:_BlazorBrotliCompressionLevel=Fastest",
            // The profile's precompiled code (ReadyToRun) took about ten minutes here: the test is about the bundle's shape.
            "-p:PublishReadyToRun=false",
            "--disable-build-servers", "-nologo", "-v", "quiet");
        Assert.True(result.ExitCode == 0, result.Output);
        // One program, beside it only what the profile keeps out of the bundle: the pages' files and the native SQLite library.
        Assert.True(File.Exists(Path.Combine(directory, "clientele")), "no program in the published folder");
        Assert.True(Directory.Exists(Path.Combine(directory, "wwwroot")), "no wwwroot in the published folder");
        Assert.True(File.Exists(Path.Combine(directory, "libe_sqlite3.so")), "no native SQLite library in the published folder");
        var leftOutOfTheBundle = Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .Where(name => name!.EndsWith(".dll", StringComparison.Ordinal) || name.EndsWith(".runtimeconfig.json", StringComparison.Ordinal) || name.StartsWith("libcoreclr", StringComparison.Ordinal))
            .ToList();
        Assert.True(leftOutOfTheBundle.Count == 0, "beside the program: " + string.Join(", ", leftOutOfTheBundle));
    }

    /// <summary>The test runner's PATH less every folder that has a dotnet in it.</summary>
    private static string PathWithoutDotnet() =>
        string.Join(Path.PathSeparator, (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(folder => !File.Exists(Path.Combine(folder, "dotnet"))));

    /// <summary>The .NET installation this test runs on (the folder above shared/Microsoft.NETCore.App/VERSION).</summary>
    private static string DotnetRoot()
    {
        var runtime = new DirectoryInfo(Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        return runtime.Parent!.Parent!.Parent!.FullName;
    }

    private static async Task<(int ExitCode, string Output)> Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Output(StringBuilder output)
    {
        lock (output) return output.ToString();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Clientele.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The repository (Clientele.slnx) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>A request body sent in two parts: the second only once the release task completes.</summary>
    private sealed class HalfThenRest : HttpContent
    {
        private readonly TaskCompletionSource _halfSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly string _first;
        private readonly string _rest;
        private readonly Task _release;

        public HalfThenRest(string first, string rest, Task release)
        {
            (_first, _rest, _release) = (first, rest, release);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        public Task HalfSent => _halfSent.Task;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_first));
            await stream.FlushAsync();
            _halfSent.TrySetResult();
            await _release.WaitAsync(TimeSpan.FromSeconds(60));
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_rest));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = Encoding.UTF8.GetByteCount(_first) + Encoding.UTF8.GetByteCount(_rest);
            return true;
        }
    }

    /// <summary>What a unit file's [Service] section says about starting the program.</summary>
    private sealed record ServiceUnit(string Executable, IReadOnlyList<string> Arguments, string WorkingDirectory, IReadOnlyDictionary<string, string> Environment)
    {
        public static ServiceUnit Read(string path, Func<string, string> relocate)
        {
            string? exec = null, workingDirectory = null;
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var raw in File.ReadAllLines(path))
            {
                var line = raw.Trim();
                if (line.StartsWith('#') || !line.Contains('=')) continue;
                var (key, value) = (line[..line.IndexOf('=')], relocate(line[(line.IndexOf('=') + 1)..]));
                if (key == "ExecStart") exec = value;
                else if (key == "WorkingDirectory") workingDirectory = value;
                else if (key == "Environment") environment[value[..value.IndexOf('=')]] = value[(value.IndexOf('=') + 1)..];
            }
            Assert.NotNull(exec);
            Assert.NotNull(workingDirectory);
            var words = exec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new ServiceUnit(words[0], words[1..], workingDirectory, environment);
        }
    }
}
