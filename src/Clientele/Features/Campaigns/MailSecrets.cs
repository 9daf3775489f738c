using System.Security.Cryptography;
using System.Text;
using Clientele.Features.Audit;

namespace Clientele.Features.Campaigns;

/// <summary>
/// The campaigns' secrets, keyed by the one key the application already keeps outside the database (the audit chain's
/// key file, ADR 014), each purpose with its own key derived by HKDF: the SMTP password is stored encrypted
/// (AES-256-GCM), and unsubscribe and confirmation links are signed (HMAC-SHA256). Whoever holds only the database can
/// neither read the password nor forge a link.
/// </summary>
public sealed class MailSecrets(byte[] rootKey)
{
    private const int NonceBytes = 12, TagBytes = 16, SignatureChars = 22;

    public static MailSecrets Of(ClienteleDb db) => new(AuditSeal.Of(db).Key);

    private byte[] KeyFor(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, rootKey, 32, salt: [], info: Encoding.UTF8.GetBytes("clientele/" + purpose));

    public string Protect(string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagBytes];
        using (var aes = new AesGcm(KeyFor("smtp-password"), TagBytes)) aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>The secret, or null when it was protected under another key (the key file was replaced).</summary>
    public string? Unprotect(string stored)
    {
        try
        {
            var all = Convert.FromBase64String(stored);
            var plain = new byte[all.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(KeyFor("smtp-password"), TagBytes);
            aes.Decrypt(all.AsSpan(0, NonceBytes), all.AsSpan(NonceBytes + TagBytes), all.AsSpan(NonceBytes, TagBytes), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A link token for <paramref name="id"/> that only this key could have made: "{id}.{signature}".</summary>
    public string Sign(string purpose, long id)
    {
        var text = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return text + "." + Signature(purpose, text);
    }

    /// <summary>The id a token of <paramref name="purpose"/> carries, or null for a token this key did not sign.</summary>
    public long? Verify(string purpose, string? token)
    {
        var dot = token?.IndexOf('.') ?? -1;
        if (dot <= 0) return null;
        var text = token![..dot];
        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)) return null;
        var expected = Encoding.ASCII.GetBytes(Signature(purpose, text));
        var given = Encoding.ASCII.GetBytes(token[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? id : null;
    }

    private string Signature(string purpose, string text)
    {
        var mac = HMACSHA256.HashData(KeyFor("link/" + purpose), Encoding.UTF8.GetBytes(text));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_')[..SignatureChars];
    }
}
