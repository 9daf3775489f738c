namespace Clientele.Features.Imports.Engine;

/// <summary>
/// 64-bit FNV-1a of a normalised key: a million phones, e-mails and tax ids fit in a few dozen megabytes as longs,
/// where as strings they would take hundreds. A collision (odds about 1 in 10^7 at a million keys) can only make two
/// rows look like duplicates; the merge compares nothing else, so the rare false match is the accepted price.
/// </summary>
public static class KeyHash
{
    public static long? Of(string? key)
    {
        if (key is null) return null;
        var hash = 14695981039346656037UL;
        foreach (var ch in key)
        {
            hash = (hash ^ (byte)ch) * 1099511628211UL;
            hash = (hash ^ (byte)(ch >> 8)) * 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}
