using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Clientele.Features.Identity;

/// <summary>
/// Failed sign-ins slow the next attempt down instead of locking the account: a stranger who guesses the owner's
/// password from elsewhere cannot keep the owner out. Four counters, each with its own growing delay (30 s, doubling,
/// at most 15 minutes, counting from the latest failure):
/// <list type="bullet">
/// <item>per e-mail and address: one guesser against one account (5 failures free);</item>
/// <item>per address (an IPv6 address by its /64 network): one guesser against many accounts (20 free);</item>
/// <item>per e-mail, from anywhere: many addresses against one account (10 free). It only holds back a sign-in that
/// ends with the password; a user with a second factor still gets to the second step, where the code decides;</item>
/// <item>per e-mail, authenticator codes that failed after a right password (10 free): someone who has the password
/// cannot try codes from many addresses; a recovery code (50 random bits) still works.</item>
/// </list>
/// The e-mail is counted as typed (normalised), whether or not such an account exists, so the answers do not tell
/// which accounts exist. A counter is forgotten an hour after its last failure. Counters live in this process: on
/// several app nodes each node counts its own (see SECURITY.md).
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration)
{
    /// <summary>Failures one address may have (over all accounts) before its attempts are delayed.</summary>
    public const string AddressFailuresBeforeDelayKey = "Clientele:SignIn:AddressFailuresBeforeDelay";
    public const int DefaultAddressFailuresBeforeDelay = 20;
    public const int PairFailuresBeforeDelay = 5;
    public const int AccountFailuresBeforeDelay = 10;
    public const int SecondFactorFailuresBeforeDelay = 10;
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);
    /// <summary>Beyond this many counters the forgotten and lapsed ones are dropped, so a flood cannot fill memory.</summary>
    private const int MaxCounters = 100_000;

    private readonly int _addressFailuresBeforeDelay = configuration.GetValue<int?>(AddressFailuresBeforeDelayKey) ?? DefaultAddressFailuresBeforeDelay;
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    private readonly record struct Counter(int Failures, DateTimeOffset LastFailure);

    /// <summary>The counters one attempt touches.</summary>
    public readonly record struct Attempt(string Pair, string Address, string Account, string SecondFactor);

    public static Attempt For(string? email, IPAddress? address)
    {
        var who = Normalize(email);
        var where = Network(address);
        return new Attempt($"pair|{who}|{where}", $"address|{where}", $"account|{who}", $"second|{who}");
    }

    /// <summary>How long this address must wait before trying this account again (zero: it may try now).</summary>
    public TimeSpan WaitBeforeTrying(Attempt attempt) =>
        Max(Remaining(attempt.Pair, PairFailuresBeforeDelay), Remaining(attempt.Address, _addressFailuresBeforeDelay));

    /// <summary>How long a sign-in by password alone must wait because of failures from everywhere.</summary>
    public TimeSpan WaitForPasswordOnly(Attempt attempt) => Remaining(attempt.Account, AccountFailuresBeforeDelay);

    /// <summary>How long authenticator codes for this account must wait because of wrong codes from everywhere.</summary>
    public TimeSpan WaitForAuthenticatorCode(Attempt attempt) => Remaining(attempt.SecondFactor, SecondFactorFailuresBeforeDelay);

    public void PasswordFailed(Attempt attempt)
    {
        Count(attempt.Pair);
        Count(attempt.Address);
        Count(attempt.Account);
    }

    public void SecondFactorFailed(Attempt attempt, bool authenticatorCode)
    {
        Count(attempt.Pair);
        Count(attempt.Address);
        if (authenticatorCode) Count(attempt.SecondFactor);
    }

    /// <summary>A complete sign-in clears what this address did wrong for this account, and the wrong codes.</summary>
    public void SignedIn(Attempt attempt)
    {
        _counters.TryRemove(attempt.Pair, out _);
        _counters.TryRemove(attempt.SecondFactor, out _);
    }

    /// <summary>The delay after <paramref name="failures"/> failures of which <paramref name="free"/> cost nothing.</summary>
    public static TimeSpan DelayAfter(int failures, int free)
    {
        if (failures <= free) return TimeSpan.Zero;
        var doublings = Math.Min(failures - free - 1, 10);
        var delay = FirstDelay * (1 << doublings);
        return delay < LongestDelay ? delay : LongestDelay;
    }

    private TimeSpan Remaining(string key, int free)
    {
        if (!_counters.TryGetValue(key, out var counter)) return TimeSpan.Zero;
        var since = clock.GetUtcNow() - counter.LastFailure;
        var left = DelayAfter(counter.Failures, free) - since;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    private void Count(string key)
    {
        var now = clock.GetUtcNow();
        _counters.AddOrUpdate(key, _ => new Counter(1, now),
            (_, old) => now - old.LastFailure >= ForgetAfter ? new Counter(1, now) : new Counter(old.Failures + 1, now));
        if (_counters.Count > MaxCounters) Prune(now);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, counter) in _counters)
            if (now - counter.LastFailure >= ForgetAfter) _counters.TryRemove(key, out _);
        if (_counters.Count <= MaxCounters) return;
        // Still full: keep only the counters that hold someone back right now.
        foreach (var (key, counter) in _counters)
            if (now - counter.LastFailure >= LongestDelay) _counters.TryRemove(key, out _);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Normalize(string? email)
    {
        var trimmed = (email ?? "").Trim().ToUpperInvariant();
        return trimmed.Length <= 256 ? trimmed : trimmed[..256];
    }

    /// <summary>An IPv4 address as it is; an IPv6 address by its /64, the block one subscriber usually holds.</summary>
    public static string Network(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
