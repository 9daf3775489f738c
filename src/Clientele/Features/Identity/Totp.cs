using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Clientele.Features.Identity;

/// <summary>RFC 6238 time-based one-time passwords as authenticator apps make them: HMAC-SHA1, 30-second steps, 6 digits.</summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    /// <summary>The code of one time step (RFC 4226 HOTP with the step as counter).</summary>
    public static string Code(byte[] secret, long step, int digits = Digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % (int)Math.Pow(10, digits);
        return binary.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>A new 160-bit secret in Base32, the form authenticator apps take.</summary>
    public static string NewSecret() => Base32.Encode(RandomNumberGenerator.GetBytes(20));

    /// <summary>The otpauth:// URI an authenticator app reads (from a QR code or pasted).</summary>
    public static string Uri(string issuer, string account, string secret) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}" +
        $"?secret={secret}&issuer={System.Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={StepSeconds}";

    /// <summary>Digits only, spaces and dashes dropped (apps show "123 456"); null when it cannot be a code.</summary>
    public static string? Normalize(string? code)
    {
        if (code is null) return null;
        var digits = new StringBuilder(Digits);
        foreach (var c in code)
        {
            if (c is ' ' or '-') continue;
            if (!char.IsAsciiDigit(c)) return null;
            digits.Append(c);
        }
        return digits.Length == Digits ? digits.ToString() : null;
    }
}

/// <summary>RFC 4648 Base32 (A–Z, 2–7), without padding.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var result = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                result.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) result.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return result.ToString();
    }

    public static byte[] Decode(string text)
    {
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var raw in text)
        {
            if (raw is '=' or ' ' or '-') continue;
            var value = Alphabet.IndexOf(char.ToUpperInvariant(raw), StringComparison.Ordinal);
            if (value < 0) throw new FormatException("Not Base32.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. output];
    }
}
