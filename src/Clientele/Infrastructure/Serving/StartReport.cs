using System.Net;
using System.Net.Sockets;
using Clientele.Features.Audit;
using Microsoft.Extensions.Localization;

namespace Clientele.Infrastructure.Serving;

/// <summary>
/// What <c>serve</c> prints once it listens: where to open it, where the database and the keys are, the certificate's
/// fingerprint, and how to sign in. Nothing else goes to the console at information level on a normal start.
/// </summary>
public static class StartReport
{
    public static void Print(TextWriter output, IServiceProvider services, DatabaseTarget database, bool hasUsers)
    {
        var text = services.GetRequiredService<IStringLocalizer<ServingText>>();
        var plan = services.GetRequiredService<ServingPlan>();
        var configuration = services.GetRequiredService<IConfiguration>();
        output.WriteLine(text["Clientele is running. Open it in a browser:"]);
        foreach (var address in plan.Settings.Urls.SelectMany(BrowserAddresses).Distinct(StringComparer.OrdinalIgnoreCase))
            output.WriteLine("  " + address);
        output.WriteLine(text["Database: {0}", database]);
        var keys = new List<string> { AuditSeal.From(configuration).KeyFile };
        if (plan.Certificate is { SelfSigned: true } selfSigned) keys.Add(Path.Combine(Path.GetDirectoryName(selfSigned.File)!, ServerCertificate.SelfSignedKeyFile));
        output.WriteLine(text["Keys (keep copies with your backups): {0}", string.Join(", ", keys)]);
        if (plan.Certificate is { } certificate)
        {
            output.WriteLine(text["HTTPS certificate: {0}", certificate.File]);
            if (certificate.SelfSigned) output.WriteLine("  " + text["It is self-signed for this computer's names and addresses, so browsers warn about it. Go on only if the SHA-256 fingerprint in the warning is this one:"]);
            output.WriteLine("  " + text["SHA-256 fingerprint: {0}", certificate.Fingerprint]);
        }
        if (plan.Settings.BehindProxy)
            output.WriteLine(text["Behind a proxy: X-Forwarded-For, -Proto and -Host are believed only from {0}.", string.Join(", ", plan.Settings.TrustedProxies)]);
        if (hasUsers) output.WriteLine(text["Sign in with your e-mail and passphrase."]);
        else
        {
            output.WriteLine(text["No users yet. Create the first owner, then sign in with that e-mail and passphrase:"]);
            output.WriteLine("  echo 'a-long-passphrase' | clientele users add --role owner --email you@example.com --password-stdin");
        }
    }

    /// <summary>An address to type into a browser: "all addresses" (*, +, 0.0.0.0, [::]) becomes this computer's name and addresses.</summary>
    public static IEnumerable<string> BrowserAddresses(string url)
    {
        var wildcard = url.Replace("://+", "://*", StringComparison.Ordinal).Replace("://0.0.0.0", "://*", StringComparison.Ordinal).Replace("://[::]", "://*", StringComparison.Ordinal);
        if (!wildcard.Contains("://*", StringComparison.Ordinal))
        {
            yield return url;
            yield break;
        }
        yield return wildcard.Replace("*", Dns.GetHostName(), StringComparison.Ordinal);
        foreach (var address in ServerCertificate.UnicastAddresses().Where(a => a.AddressFamily == AddressFamily.InterNetwork))
            yield return wildcard.Replace("*", address.ToString(), StringComparison.Ordinal);
    }
}
