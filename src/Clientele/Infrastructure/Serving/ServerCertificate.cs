using System.Net;
using System.Net.NetworkInformation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Clientele.Features.Audit;
using Clientele.Infrastructure.Cli;

namespace Clientele.Infrastructure.Serving;

/// <summary>
/// The certificate HTTPS is served with: the user's own (PEM certificate and key, or a PFX file), or else a
/// self-signed one made on first start for this computer's names and addresses, kept in <see cref="SelfSignedFile"/>
/// and <see cref="SelfSignedKeyFile"/> beside the database (the key readable by the app's user only) and reused on
/// later starts. Users check the browser's warning against <see cref="Fingerprint"/>, which the start prints.
/// </summary>
public sealed record ServerCertificate(X509Certificate2 Certificate, string File, bool SelfSigned, bool MadeNow)
{
    public const string SelfSignedFile = "https-certificate.pem";
    public const string SelfSignedKeyFile = "https-certificate.key";
    /// <summary>Two years; renewed (a new fingerprint) a month before it ends or when this computer gets a name or address it lacks.</summary>
    public static readonly TimeSpan SelfSignedLifetime = TimeSpan.FromDays(730);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    /// <summary>SHA-256 of the certificate, as browsers show it in their certificate viewer (AA:BB:…).</summary>
    public string Fingerprint => FingerprintOf(Certificate);

    public static string FingerprintOf(X509Certificate2 certificate) =>
        string.Join(':', certificate.GetCertHash(HashAlgorithmName.SHA256).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    public static ServerCertificate Load(ServingSettings settings, string directory, TimeProvider clock) =>
        settings.Certificate is { } own ? LoadOwn(own, settings.CertificateKey, settings.CertificatePassword) : LoadOrMakeSelfSigned(directory, clock);

    /// <summary>Where the self-signed certificate lives: beside the SQLite file, or beside the audit key for PostgreSQL.</summary>
    public static string DirectoryFor(DatabaseTarget database, IConfiguration configuration) => database.Provider == DatabaseProvider.Sqlite
        ? Path.GetDirectoryName(Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource))!
        : Path.GetDirectoryName(AuditSeal.From(configuration).KeyFile)!;

    private static ServerCertificate LoadOwn(string path, string? keyPath, string? password)
    {
        var text = ServingText.Localizer();
        path = Path.GetFullPath(path);
        if (!System.IO.File.Exists(path)) throw new CliException(text["The certificate file {0} does not exist.", path], 2);
        if (keyPath is not null && !System.IO.File.Exists(keyPath)) throw new CliException(text["The certificate's key file {0} does not exist.", Path.GetFullPath(keyPath)], 2);
        try
        {
            X509Certificate2 certificate;
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is ".pfx" or ".p12")
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            else
            {
                using var pem = string.IsNullOrEmpty(password)
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
                certificate = UsableByTls(pem);
            }
            if (!certificate.HasPrivateKey) throw new CryptographicException("no private key");
            return new ServerCertificate(certificate, path, SelfSigned: false, MadeNow: false);
        }
        catch (CryptographicException e)
        {
            throw new CliException(text["The certificate {0} could not be read with its key ({1}). Give a PEM certificate with its PEM key (--certificate-key) or a PFX file; the password goes into the environment variable Clientele__CertificatePassword.", path, e.Message], 2);
        }
    }

    private static ServerCertificate LoadOrMakeSelfSigned(string directory, TimeProvider clock)
    {
        var file = Path.Combine(directory, SelfSignedFile);
        var keyFile = Path.Combine(directory, SelfSignedKeyFile);
        var names = MachineNames();
        if (System.IO.File.Exists(file) && System.IO.File.Exists(keyFile))
        {
            using var stored = X509Certificate2.CreateFromPemFile(file, keyFile);
            if (stored.NotAfter.ToUniversalTime() - RenewBefore > clock.GetUtcNow().UtcDateTime && Covers(stored, names))
                return new ServerCertificate(UsableByTls(stored), file, SelfSigned: true, MadeNow: false);
        }
        using var made = MakeSelfSigned(names, clock);
        Directory.CreateDirectory(directory);
        // The key first (0600), then the certificate: a certificate file never stands beside a key of another.
        ReplacePrivate(keyFile, made.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        ReplacePrivate(file, made.ExportCertificatePem());
        return new ServerCertificate(UsableByTls(made), file, SelfSigned: true, MadeNow: true);
    }

    /// <summary>The names and addresses a browser on the office network may use for this computer.</summary>
    public sealed record Names(IReadOnlyList<string> Hosts, IReadOnlyList<IPAddress> Addresses);

    public static Names MachineNames()
    {
        var hosts = new SortedSet<string>(StringComparer.OrdinalIgnoreCase) { "localhost", Dns.GetHostName() };
        try
        {
            var domain = IPGlobalProperties.GetIPGlobalProperties().DomainName;
            if (!string.IsNullOrEmpty(domain)) hosts.Add(Dns.GetHostName() + "." + domain);
        }
        catch (NetworkInformationException)
        {
            // No domain to be had: the bare host name and the addresses still serve.
        }
        var addresses = new List<IPAddress> { IPAddress.Loopback, IPAddress.IPv6Loopback };
        foreach (var address in UnicastAddresses())
            if (!addresses.Contains(address)) addresses.Add(address);
        return new Names([.. hosts], addresses);
    }

    /// <summary>This computer's own addresses on interfaces that are up (link-local IPv6 left out: no browser uses them).</summary>
    public static IEnumerable<IPAddress> UnicastAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == OperationalStatus.Up)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !a.IsIPv6LinkLocal && (a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork || a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6));

    private static X509Certificate2 MakeSelfSigned(Names names, TimeProvider clock)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var hostName = names.Hosts.FirstOrDefault(h => !h.Equals("localhost", StringComparison.OrdinalIgnoreCase)) ?? "localhost";
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + hostName + ", O=Clientele (self-signed)"), key, HashAlgorithmName.SHA256);
        var alternativeNames = new SubjectAlternativeNameBuilder();
        foreach (var host in names.Hosts) alternativeNames.AddDnsName(host);
        foreach (var address in names.Addresses) alternativeNames.AddIpAddress(address);
        request.CertificateExtensions.Add(alternativeNames.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server authentication
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = clock.GetUtcNow();
        // An hour back: a client whose clock runs a little behind still accepts it at once.
        return request.CreateSelfSigned(now.AddHours(-1), now + SelfSignedLifetime);
    }

    private static bool Covers(X509Certificate2 certificate, Names names)
    {
        var extension = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (extension is null) return false;
        var hosts = extension.EnumerateDnsNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var addresses = extension.EnumerateIPAddresses().ToHashSet();
        return names.Hosts.All(hosts.Contains) && names.Addresses.All(addresses.Contains);
    }

    /// <summary>
    /// A certificate whose key TLS can use on every system: a key loaded from PEM is ephemeral, which Windows' TLS
    /// (SChannel) refuses; a PKCS#12 round trip gives it a key it accepts (and costs nothing on Linux).
    /// </summary>
    private static X509Certificate2 UsableByTls(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null,
            OperatingSystem.IsWindows() ? X509KeyStorageFlags.DefaultKeySet : X509KeyStorageFlags.EphemeralKeySet);

    private static void ReplacePrivate(string path, string content)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".new";
        AuditSeal.WritePrivate(temporary, content);
        System.IO.File.Move(temporary, path, overwrite: true);
    }
}
