using System.Security.Cryptography;

namespace Clientele.Tests.Identity;

/// <summary>The tests' own RFC 6238 (written apart from the app's, so a shared mistake cannot pass unnoticed).</summary>
public static class Rfc6238
{
    public static long StepNow() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    public static string Code(string base32Secret, long step) => Code(FromBase32(base32Secret), step, 6);

    public static string Code(byte[] key, long step, int digits)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[19] & 0xf;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulus = 1;
        for (var i = 0; i < digits; i++) modulus *= 10;
        return (value % modulus).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.TrimEnd('=').ToUpperInvariant().Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return [.. Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2))];
    }
}
