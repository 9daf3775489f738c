using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Clientele.Tests.Campaigns;

/// <summary>
/// A real SMTP server on loopback for one test class: Debian's python3-aiosmtpd with a handler that writes each
/// message it accepts into a directory (one file per delivery, so a repeat shows as a second file). Recipients whose
/// address starts with "bounce" are refused for good (550) and those starting with "flaky" are refused once for a
/// while (451), then accepted. The server answers 250 only after the file is written, so a test that saw the sender
/// finish reads every message without waiting.
/// </summary>
public sealed class LoopbackSmtp : IAsyncLifetime
{
    private const string Handler = """
        import asyncio, os, sys, time
        from aiosmtpd.controller import Controller

        class Keep:
            def __init__(self, folder):
                self.folder, self.count, self.refused = folder, 0, set()
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.startswith('bounce'):
                    return '550 5.1.1 No such mailbox here'
                if address.startswith('flaky') and address not in self.refused:
                    self.refused.add(address)
                    return '451 4.3.0 Try again later'
                envelope.rcpt_tos.append(address)
                return '250 OK'
            async def handle_DATA(self, server, session, envelope):
                self.count += 1
                path = os.path.join(self.folder, '%020d-%06d.eml' % (time.time_ns(), self.count))
                with open(path + '.part', 'wb') as f:
                    f.write(envelope.original_content or envelope.content)
                os.rename(path + '.part', path)
                return '250 2.0.0 Stored as %d' % self.count

        controller = Controller(Keep(sys.argv[1]), hostname='127.0.0.1', port=int(sys.argv[2]))
        controller.start()
        print('ready', flush=True)
        sys.stdin.read()
        controller.stop()
        """;

    /// <summary>Debian's interpreter, which python3-aiosmtpd installs into (a python3 earlier on PATH, e.g. pyenv's, lacks it).</summary>
    private const string DebianPython = "/usr/bin/python3";

    private Process? _process;

    public string Folder { get; } = Directory.CreateTempSubdirectory("clientele-smtp-").FullName;
    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        var script = Path.Combine(Folder, "..", Path.GetFileName(Folder) + ".py");
        await File.WriteAllTextAsync(script, Handler);
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _process = Process.Start(new ProcessStartInfo(DebianPython, [script, Folder, Port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "ready")
            throw new InvalidOperationException("aiosmtpd did not start (apt-get install python3-aiosmtpd): " + await _process.StandardError.ReadToEndAsync());
    }

    /// <summary>Every delivery so far, oldest first.</summary>
    public List<MimeMessage> Messages() =>
        [.. Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    /// <summary>The deliveries to <paramref name="address"/>.</summary>
    public List<MimeMessage> To(string address) =>
        [.. Messages().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        }
        _process?.Dispose();
        try { Directory.Delete(Folder, recursive: true); File.Delete(Folder + ".py"); }
        catch (IOException) { }
        await Task.CompletedTask;
    }
}
