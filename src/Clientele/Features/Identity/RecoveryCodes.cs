using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Clientele.Features.Identity;

/// <summary>
/// Ten single-use codes for a lost phone. Only their SHA-256 hashes are stored (through Identity's recovery-code
/// store, which would otherwise keep them in plain text); each code carries 50 random bits.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static async Task<IReadOnlyList<string>> ReplaceAsync(UserManager<Employee> users, IUserStore<Employee> store, Employee user)
    {
        var codes = Enumerable.Range(0, Count).Select(_ => NewCode()).ToList();
        await ((IUserTwoFactorRecoveryCodeStore<Employee>)store).ReplaceCodesAsync(user, codes.Select(Hash), CancellationToken.None);
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded) throw new InvalidOperationException(string.Join(" ", saved.Errors.Select(e => e.Description)));
        return codes;
    }

    /// <summary>True once per code; the concurrency stamp makes one of two racing redemptions fail.</summary>
    public static async Task<bool> RedeemAsync(UserManager<Employee> users, Employee user, string? code)
    {
        var normalized = Normalize(code);
        if (normalized is null) return false;
        var result = await users.RedeemTwoFactorRecoveryCodeAsync(user, Hash(normalized));
        return result.Succeeded;
    }

    public static Task<int> RemainingAsync(UserManager<Employee> users, Employee user) => users.CountRecoveryCodesAsync(user);

    private static string NewCode()
    {
        var chars = new char[11];
        for (var i = 0; i < chars.Length; i++) chars[i] = i == 5 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    private static string? Normalize(string? code)
    {
        var text = code?.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(text) || text.Length > 20) return null;
        return text.Length == 10 && !text.Contains('-', StringComparison.Ordinal) ? text[..5] + "-" + text[5..] : text;
    }

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
