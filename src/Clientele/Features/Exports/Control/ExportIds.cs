using System.Security.Cryptography;

namespace Clientele.Features.Exports.Control;

/// <summary>Export ids: 16 characters of RFC 4648 base32 (80 random bits), short enough to read out, too many to guess.</summary>
public static class ExportIds
{
    public const int Length = 16;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>True for something that can be an export id (any case): a path segment that cannot be one is a 404 without a query.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => Alphabet.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal));
}
