using System.Net;
using Clientele.Infrastructure.Cli;

namespace Clientele.Infrastructure.Serving;

/// <summary>
/// How the web host is reached: its addresses, whether it serves HTTPS itself (with whose certificate) and whether a
/// proxy in front of it terminates TLS. Read from configuration, so the same settings come from the command line
/// (<c>serve --https</c>, which <see cref="ServeCommand"/> passes on as these keys), the environment
/// (<c>Clientele__Https=true</c>) or appsettings.
/// </summary>
public sealed record ServingSettings(
    IReadOnlyList<string> Urls, bool Https, string? Certificate, string? CertificateKey, string? CertificatePassword,
    bool BehindProxy, IReadOnlyList<IPNetwork> TrustedProxies)
{
    public const string UrlsSetting = "urls";
    public const string HttpsSetting = "Clientele:Https";
    /// <summary>A PEM certificate (with the key in it or in <see cref="CertificateKeySetting"/>) or a PFX/PKCS#12 file (.pfx, .p12).</summary>
    public const string CertificateSetting = "Clientele:Certificate";
    public const string CertificateKeySetting = "Clientele:CertificateKey";
    /// <summary>Of the PFX file or an encrypted PEM key; from the environment or a settings file, never the command line (every user can read a command line).</summary>
    public const string CertificatePasswordSetting = "Clientele:CertificatePassword";
    public const string BehindProxySetting = "Clientele:BehindProxy";
    /// <summary>Addresses or networks (CIDR) of the proxies whose X-Forwarded-* headers are believed, comma-separated.</summary>
    public const string TrustedProxiesSetting = "Clientele:TrustedProxies";

    /// <summary>This computer only, plain HTTP: browsers keep Secure cookies from loopback addresses.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";
    /// <summary>With HTTPS the point is the other computers of the office: every address of this one.</summary>
    public const string DefaultHttpsUrls = "https://*:5443";

    /// <summary>Loopback is trusted by <c>--behind-proxy</c> alone: a proxy on the same server is the usual set-up.</summary>
    public static readonly IReadOnlyList<IPNetwork> Loopback = [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];

    public bool ServesHttps => Urls.Any(IsHttpsUrl);

    public static ServingSettings Read(IConfiguration configuration, string? urls)
    {
        var certificate = NonEmpty(configuration[CertificateSetting]);
        // A certificate of one's own means HTTPS; so does an https:// address.
        var https = configuration.GetValue<bool>(HttpsSetting) || certificate is not null;
        var proxies = ParseProxies(configuration[TrustedProxiesSetting]);
        var behindProxy = configuration.GetValue<bool>(BehindProxySetting) || proxies.Count > 0;
        var urlList = (NonEmpty(urls) ?? NonEmpty(configuration[UrlsSetting]) ?? (https ? DefaultHttpsUrls : DefaultUrls))
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        https |= urlList.Any(IsHttpsUrl);
        return new ServingSettings(urlList, https, certificate, NonEmpty(configuration[CertificateKeySetting]), configuration[CertificatePasswordSetting],
            behindProxy, behindProxy ? [.. Loopback, .. proxies] : []);
    }

    /// <summary>
    /// Refuses plain HTTP on an address other computers reach unless a proxy terminates TLS in front: browsers drop the
    /// __Host- (Secure) cookies there, and a site nobody can sign in to would start.
    /// </summary>
    public void EnsureSomeoneCanSignIn()
    {
        var text = ServingText.Localizer();
        foreach (var url in Urls)
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https"))
                throw new CliException(text["The address {0} is not an http:// or https:// address.", url], 2);
            if (uri.Scheme == "http" && !BehindProxy && !SecureContexts.IsLoopbackHost(uri.Host))
                throw new CliException(text["Clientele would serve plain HTTP on {0}, an address other computers reach. Browsers keep its sign-in cookies only over HTTPS, so nobody could sign in there. Start it with --https (with your certificate, or a self-signed one it makes for this computer), or with --behind-proxy if a proxy such as nginx or Caddy serves HTTPS in front of it. Plain HTTP works on http://127.0.0.1 (this computer only).", url], 2);
        }
    }

    private static bool IsHttpsUrl(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<IPNetwork> ParseProxies(string? list)
    {
        var networks = new List<IPNetwork>();
        foreach (var item in (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(item, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(item, out var address))
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else throw new CliException(ServingText.Localizer()["'{0}' in the trusted proxies is neither an IP address nor a network such as 10.0.0.0/24.", item], 2);
        }
        return networks;
    }
}
