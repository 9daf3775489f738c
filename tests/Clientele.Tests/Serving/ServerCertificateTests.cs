using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Clientele.Infrastructure.Cli;
using Clientele.Infrastructure.Serving;
using Microsoft.Extensions.Configuration;

namespace Clientele.Tests.Serving;

/// <summary>The certificate HTTPS is served with: made once for this computer and kept, or the user's own PEM or PFX.</summary>
public sealed class ServerCertificateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("clientele-certificate-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { /* a leftover temp directory does not fail a run */ }
    }

    private static ServingSettings Settings(params (string Key, string Value)[] values) =>
        ServingSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build(), null);

    [Fact]
    public void A_self_signed_certificate_is_made_for_this_computer_kept_private_and_reused()
    {
        var settings = Settings((ServingSettings.HttpsSetting, "true"));

        var first = ServerCertificate.Load(settings, _dir, TimeProvider.System);
        var second = ServerCertificate.Load(settings, _dir, TimeProvider.System);

        Assert.True(first.MadeNow);
        Assert.False(second.MadeNow);
        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", first.Fingerprint);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(first.Certificate.RawData)), first.Fingerprint.Replace(":", "", StringComparison.Ordinal));
        Assert.True(second.Certificate.HasPrivateKey);
        Assert.Equal(Path.Combine(_dir, ServerCertificate.SelfSignedFile), first.File);
        var key = Path.Combine(_dir, ServerCertificate.SelfSignedKeyFile);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));

        var names = first.Certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        var hosts = names.EnumerateDnsNames().ToList();
        var addresses = names.EnumerateIPAddresses().ToList();
        Assert.Contains(System.Net.Dns.GetHostName(), hosts, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("localhost", hosts);
        Assert.All(ServerCertificate.UnicastAddresses(), a => Assert.Contains(a, addresses));
        Assert.Contains(first.Certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
        Assert.True(first.Certificate.NotAfter > DateTime.Now.AddDays(365));
    }

    [Fact]
    public void A_self_signed_certificate_near_its_end_is_made_anew()
    {
        var settings = Settings((ServingSettings.HttpsSetting, "true"));
        var old = ServerCertificate.Load(settings, _dir, new FixedClock(DateTimeOffset.UtcNow - ServerCertificate.SelfSignedLifetime + TimeSpan.FromDays(10)));

        var renewed = ServerCertificate.Load(settings, _dir, TimeProvider.System);

        Assert.True(renewed.MadeNow);
        Assert.NotEqual(old.Fingerprint, renewed.Fingerprint);
    }

    [Fact]
    public void The_users_own_pem_and_pfx_certificates_are_served_as_they_are()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var own = new CertificateRequest("CN=crm.example.ru", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        var pem = Path.Combine(_dir, "crm.pem");
        var pemKey = Path.Combine(_dir, "crm.key");
        var pfx = Path.Combine(_dir, "crm.pfx");
        File.WriteAllText(pem, own.ExportCertificatePem());
        File.WriteAllText(pemKey, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(pfx, own.Export(X509ContentType.Pkcs12, "pfx-secret"));

        var fromPem = ServerCertificate.Load(Settings((ServingSettings.CertificateSetting, pem), (ServingSettings.CertificateKeySetting, pemKey)), _dir, TimeProvider.System);
        var fromPfx = ServerCertificate.Load(Settings((ServingSettings.CertificateSetting, pfx), (ServingSettings.CertificatePasswordSetting, "pfx-secret")), _dir, TimeProvider.System);

        Assert.Equal(own.Thumbprint, fromPem.Certificate.Thumbprint);
        Assert.Equal(own.Thumbprint, fromPfx.Certificate.Thumbprint);
        Assert.True(fromPem.Certificate.HasPrivateKey && fromPfx.Certificate.HasPrivateKey);
        Assert.False(fromPem.SelfSigned);
        Assert.False(File.Exists(Path.Combine(_dir, ServerCertificate.SelfSignedFile)), "with the user's certificate none is made");
    }

    [Fact]
    public void A_pfx_with_the_wrong_password_is_refused_in_the_users_language()
    {
        using var key = RSA.Create(2048);
        using var own = new CertificateRequest("CN=crm.example.de", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90));
        var pfx = Path.Combine(_dir, "crm.pfx");
        File.WriteAllBytes(pfx, own.Export(X509ContentType.Pkcs12, "right"));
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
        try
        {
            var refused = Assert.Throws<CliException>(() => ServerCertificate.Load(Settings((ServingSettings.CertificateSetting, pfx), (ServingSettings.CertificatePasswordSetting, "wrong")), _dir, TimeProvider.System));

            Assert.Contains("konnte mit seinem Schlüssel nicht gelesen werden", refused.Message, StringComparison.Ordinal);
            Assert.Contains(pfx, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
