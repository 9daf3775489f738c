using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Clientele.Data;
using Clientele.Features.Audit;
using Clientele.Infrastructure.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.BrowserTests;

/// <summary>
/// Issue 18: a real nginx and a real Caddy (Debian's) terminate TLS in front of the app started with --behind-proxy,
/// configured by the repository's own deploy/nginx-clientele.conf and deploy/Caddyfile. Chromium signs in through
/// each, and the audit trail has the browser's address from X-Forwarded-For, not the proxy's; a request that reaches
/// the app past the proxy and forges X-Forwarded-For is taken for where it really comes from.
/// </summary>
public sealed class BehindProxyBrowserTests(BehindProxyBrowserTests.ProxiesInFront proxy) : IClassFixture<BehindProxyBrowserTests.ProxiesInFront>
{
    private RunningApp App => proxy.App;
    private IPAddress Address => proxy.Address;

    [Fact]
    public Task Chromium_signs_in_through_nginx_and_the_audit_has_the_browsers_address() => SignInThroughAsync(proxy.Url);

    [Fact]
    public Task Chromium_signs_in_through_caddy_and_the_audit_has_the_browsers_address() => SignInThroughAsync(proxy.CaddyUrl);

    private async Task SignInThroughAsync(string url)
    {
        Assert.Equal(proxy.Certificate.Fingerprint, await HttpsBrowserTests.ServedFingerprintAsync(url));
        var browser = await Browser.LeaseAsync();
        try
        {
            var context = await HttpsBrowserTests.AcceptingCertificateErrorsAsync(browser);
            var page = await context.NewPageAsync();

            await Browser.SignInAsync(page, url, "/clients");

            var session = (await context.CookiesAsync()).Single(c => c.Name == "__Host-clientele");
            Assert.True(session.Secure);
            var signIn = await LastSignInAsync();
            // Chromium reached the proxy from this computer's network address; the proxy reached the app from 127.0.0.1.
            Assert.Equal(Address.ToString(), signIn.Ip);
            Assert.EndsWith("ip " + Address, signIn.Detail);
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_forged_x_forwarded_for_sent_past_the_proxy_is_not_believed()
    {
        using var direct = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{Address}:{proxy.AppPort}/api/v1/account/sign-in")
        {
            Content = JsonContent.Create(new { email = RunningApp.OwnerEmail, password = RunningApp.OwnerPassword }),
        };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await direct.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var signIn = await LastSignInAsync();
        Assert.Equal(Address.ToString(), signIn.Ip);
        Assert.DoesNotContain("203.0.113.7", signIn.Detail);
    }

    private async Task<AuditEntry> LastSignInAsync()
    {
        await using var scope = App.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        return await db.Set<AuditEntry>().Where(e => e.Action == AuditAction.SignIn).OrderByDescending(e => e.Id).FirstAsync();
    }

    /// <summary>The app behind --behind-proxy and nginx and Caddy in front of it, once for the class.</summary>
    public sealed class ProxiesInFront : IAsyncLifetime
    {
        public IPAddress Address { get; } = HttpsBrowserTests.NetworkAddress();
        private readonly string _nginxDir = Directory.CreateTempSubdirectory("clientele-nginx-").FullName;
        public RunningApp App { get; private set; } = default!;
        public int AppPort { get; private set; }
        public string Url { get; private set; } = "";
        public string CaddyUrl { get; private set; } = "";
        private Process? _caddy;
        private readonly StringBuilder _caddyOutput = new();
        public ServerCertificate Certificate { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            // Every address of this computer: nginx reaches the app on loopback (trusted), the forging request on the network address (not).
            App = await RunningApp.StartAsync("http://0.0.0.0:{port}", $"--{ServingSettings.BehindProxySetting}=true");
            AppPort = new Uri(App.BaseUrl).Port;
            var proxyPort = RunningApp.FreePort();
            Url = $"https://{Address}:{proxyPort}";
            // nginx's certificate: the one the app would make for this computer, made into nginx's folder.
            var https = ServingSettings.Read(new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(ServingSettings.HttpsSetting, (string?)"true")]).Build(), null);
            Certificate = ServerCertificate.Load(https, _nginxDir, TimeProvider.System);

            var site = (await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "nginx-clientele.conf")))
                .Replace("listen 443 ssl;", $"listen {Address}:{proxyPort} ssl;", StringComparison.Ordinal)
                .Replace("/etc/ssl/certs/crm.example.ru.pem", Path.Combine(_nginxDir, ServerCertificate.SelfSignedFile), StringComparison.Ordinal)
                .Replace("/etc/ssl/private/crm.example.ru.key", Path.Combine(_nginxDir, ServerCertificate.SelfSignedKeyFile), StringComparison.Ordinal)
                .Replace("127.0.0.1:5080", $"127.0.0.1:{AppPort}", StringComparison.Ordinal);
            Assert.Contains($"127.0.0.1:{AppPort}", site);
            await File.WriteAllTextAsync(Path.Combine(_nginxDir, "site.conf"), site);
            // The rest of what Debian's /etc/nginx/nginx.conf gives a site, in the test's own folder.
            await File.WriteAllTextAsync(Path.Combine(_nginxDir, "nginx.conf"), $$"""
                worker_processes 1;
                pid {{_nginxDir}}/nginx.pid;
                error_log {{_nginxDir}}/error.log;
                events { worker_connections 256; }
                http {
                    access_log off;
                    client_body_temp_path {{_nginxDir}}/body;
                    proxy_temp_path {{_nginxDir}}/proxy;
                    fastcgi_temp_path {{_nginxDir}}/fastcgi;
                    uwsgi_temp_path {{_nginxDir}}/uwsgi;
                    scgi_temp_path {{_nginxDir}}/scgi;
                    include {{_nginxDir}}/site.conf;
                }
                """);
            // nginx daemonises only once its sockets listen: its exit code 0 says it is ready.
            var start = await NginxAsync();
            Assert.True(start.ExitCode == 0, $"nginx did not start: {start.Output}\n{ErrorLog()}");
            await StartCaddyAsync();
        }

        /// <summary>
        /// deploy/Caddyfile with this test's address, the certificate nginx has (instead of ACME or "tls internal")
        /// and the app's port; a global block keeps Caddy's admin port, storage and HTTP redirect out of the machine's way.
        /// </summary>
        private async Task StartCaddyAsync()
        {
            var caddyDir = Directory.CreateDirectory(Path.Combine(_nginxDir, "caddy")).FullName;
            CaddyUrl = $"https://{Address}:{RunningApp.FreePort()}";
            var site = (await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "deploy", "Caddyfile")))
                .Replace("crm.example.ru {", CaddyUrl + " {", StringComparison.Ordinal)
                .Replace("# tls internal", $"tls {Path.Combine(_nginxDir, ServerCertificate.SelfSignedFile)} {Path.Combine(_nginxDir, ServerCertificate.SelfSignedKeyFile)}", StringComparison.Ordinal)
                .Replace("127.0.0.1:5080", $"127.0.0.1:{AppPort}", StringComparison.Ordinal);
            Assert.Contains(CaddyUrl + " {", site);
            Assert.Contains("    tls /", site);
            Assert.Contains($"reverse_proxy 127.0.0.1:{AppPort}", site);
            var config = Path.Combine(caddyDir, "Caddyfile");
            await File.WriteAllTextAsync(config, $"{{\n    admin off\n    auto_https disable_redirects\n    storage file_system {caddyDir}/data\n}}\n" + site);

            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("CLIENTELE_CADDY") ?? "/usr/bin/caddy") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in (string[])["run", "--config", config, "--adapter", "caddyfile"]) info.ArgumentList.Add(arg);
            // Caddy keeps its autosaved configuration and certificates under these: the test's folder, not the user's home.
            info.Environment["HOME"] = info.Environment["XDG_DATA_HOME"] = info.Environment["XDG_CONFIG_HOME"] = caddyDir;
            var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Read(object sender, DataReceivedEventArgs e)
            {
                if (e.Data is null) return;
                lock (_caddyOutput) _caddyOutput.AppendLine(e.Data);
                // Caddy's own word that its listeners are up.
                if (e.Data.Contains("serving initial configuration", StringComparison.Ordinal)) serving.TrySetResult();
            }
            _caddy = new Process { StartInfo = info, EnableRaisingEvents = true };
            _caddy.OutputDataReceived += Read;
            _caddy.ErrorDataReceived += Read;
            _caddy.Exited += (_, _) => serving.TrySetException(new InvalidOperationException("caddy exited"));
            _caddy.Start();
            _caddy.BeginOutputReadLine();
            _caddy.BeginErrorReadLine();
            try
            {
                await serving.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                lock (_caddyOutput) Assert.Fail($"caddy did not start ({e.Message}):\n{_caddyOutput}");
            }
        }

        public async Task DisposeAsync()
        {
            await NginxAsync("-s", "stop");
            if (_caddy is { HasExited: false })
            {
                _caddy.Kill();
                await _caddy.WaitForExitAsync();
            }
            _caddy?.Dispose();
            await App.DisposeAsync();
            try { Directory.Delete(_nginxDir, recursive: true); } catch (IOException) { }
        }

        private async Task<(int ExitCode, string Output)> NginxAsync(params string[] args)
        {
            var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("CLIENTELE_NGINX") ?? "/usr/sbin/nginx")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var arg in (string[])["-p", _nginxDir, "-e", Path.Combine(_nginxDir, "error.log"), "-c", Path.Combine(_nginxDir, "nginx.conf"), .. args])
                info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            return (process.ExitCode, await output + await error);
        }

        private string ErrorLog()
        {
            var path = Path.Combine(_nginxDir, "error.log");
            return File.Exists(path) ? File.ReadAllText(path) : "";
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Clientele.slnx"))) return dir.FullName;
            throw new InvalidOperationException("The repository (Clientele.slnx) is not above " + AppContext.BaseDirectory);
        }
    }
}
