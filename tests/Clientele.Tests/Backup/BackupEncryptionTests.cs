using Clientele.Features.Backup;

namespace Clientele.Tests.Backup;

/// <summary>
/// The encrypted format on its own (no app, no database): a stream of a little more than two chunks survives the round
/// trip, and each way of cutting or reordering it is refused with its own message. What a restore does with a refused
/// archive (nothing written, on SQLite and PostgreSQL) is in <see cref="BackupRestoreTests"/>.
/// </summary>
public sealed class BackupEncryptionTests
{
    private const int HeaderBytes = 77, SealedChunk = BackupEncryption.ChunkSize + 16;

    private static readonly byte[] Plain = [.. Enumerable.Range(0, 2 * BackupEncryption.ChunkSize + 12_345).Select(i => (byte)(i * 31 % 253))];

    private static readonly Lazy<byte[]> Sealed = new(() =>
    {
        using var output = new MemoryStream();
        using (var encrypting = BackupEncryption.Encrypt(output, BackupKit.Passphrase)) encrypting.Write(Plain);
        return output.ToArray();
    });

    private static async Task<byte[]> DecryptAsync(byte[] archive, string passphrase = BackupKit.Passphrase)
    {
        using var output = new MemoryStream();
        await BackupEncryption.DecryptAsync(new MemoryStream(archive), passphrase, output, CancellationToken.None);
        return output.ToArray();
    }

    [Fact]
    public async Task Round_trip_keeps_every_byte_and_the_chunks_are_sealed_separately()
    {
        var archive = Sealed.Value;
        Assert.Equal(HeaderBytes + 3 * 16 + Plain.Length, archive.Length);
        Assert.Equal(Plain, await DecryptAsync(archive));
    }

    [Fact]
    public async Task A_cut_at_a_chunk_boundary_a_dropped_or_swapped_chunk_and_a_wrong_passphrase_are_each_refused()
    {
        var archive = Sealed.Value;
        var atBoundary = archive[..(HeaderBytes + 2 * SealedChunk)];
        var lastDropped = atBoundary;
        var swapped = archive[..HeaderBytes].Concat(archive[(HeaderBytes + SealedChunk)..(HeaderBytes + 2 * SealedChunk)])
            .Concat(archive[HeaderBytes..(HeaderBytes + SealedChunk)]).Concat(archive[(HeaderBytes + 2 * SealedChunk)..]).ToArray();
        var appended = archive.Concat(new byte[] { 1, 2, 3 }).ToArray();
        (byte[] Bytes, string Passphrase, string Message)[] cases =
        [
            (atBoundary, BackupKit.Passphrase, "The backup is truncated: its last part is missing."),
            (lastDropped[..(HeaderBytes + SealedChunk)], BackupKit.Passphrase, "The backup is truncated: its last part is missing."),
            (swapped, BackupKit.Passphrase, "The backup was changed or damaged: part 1 does not match its seal."),
            (appended, BackupKit.Passphrase, "The backup was changed or damaged: part 3 does not match its seal."),
            (archive[..40], BackupKit.Passphrase, "This file is not an encrypted Clientele backup."),
            (archive, "correct horse battery stapler", "Wrong passphrase"),
        ];
        foreach (var (bytes, passphrase, message) in cases)
        {
            var error = await Assert.ThrowsAsync<BackupException>(() => DecryptAsync(bytes, passphrase));
            Assert.StartsWith(message, error.Message);
        }
    }
    [Fact]
    public async Task A_backup_is_written_in_format_2_and_one_of_format_1_from_an_earlier_release_still_opens()
    {
        Assert.Equal("CLIENTELE-BACKUP\x02"u8.ToArray(), Sealed.Value[..17]);

        // Written from the documented layout by an independent implementation (PreviousRelease/README.md), and opened
        // by the release that wrote format 1 (it got as far as the ZIP inside); 100 000 iterations, 1 KiB chunks.
        var format1 = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Backup", "PreviousRelease", "format-1-sample.bin"));
        byte[] expected = [.. Enumerable.Range(0, 2500).Select(i => (byte)(i * 31 % 253))];
        Assert.Equal(expected, await DecryptAsync(format1));

        var changed = format1.ToArray();
        changed[200] ^= 1;
        var error = await Assert.ThrowsAsync<BackupException>(() => DecryptAsync(changed));
        Assert.StartsWith("The backup was changed or damaged: part 1 does not match its seal.", error.Message);
        await Assert.ThrowsAsync<BackupException>(() => DecryptAsync(format1, "correct horse battery stapler"));
    }
}
