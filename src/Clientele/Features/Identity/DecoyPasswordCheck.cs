using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Clientele.Features.Identity;

/// <summary>
/// The password check of an e-mail that has no account: the same hash verification a known account costs (PBKDF2
/// with Identity's iteration count), against a hash of a random password made once per process, so that the answer
/// takes as long as a wrong password for a real account and does not tell which e-mails have one.
/// </summary>
public sealed class DecoyPasswordCheck
{
    private static readonly Employee Decoy = new() { DisplayName = "" };
    private string? _decoyHash;
    private long _runs;

    /// <summary>How many decoy checks ran since start (the tests prove the unknown e-mail's path does the work).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Always false; costs what verifying a real account's password costs.</summary>
    public bool Verify(IPasswordHasher<Employee> hasher, string password)
    {
        // Made with the app's own hasher and options, so the work per check is the real one's; a race makes two, harmlessly.
        _decoyHash ??= hasher.HashPassword(Decoy, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(Decoy, _decoyHash, password);
        Interlocked.Increment(ref _runs);
        return false;
    }
}
