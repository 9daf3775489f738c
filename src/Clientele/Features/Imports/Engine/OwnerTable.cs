namespace Clientele.Features.Imports.Engine;

/// <summary>
/// What the matcher remembers of each row that owns its keys (created, updated or skipped it), by row number: a flat
/// chunked array of 32-byte entries instead of a dictionary of boxed-nullable records. At a million rows that is 32 MB
/// where the dictionary took over 70 (and twice that while it grew), and no chunk is ever copied.
/// </summary>
public sealed class OwnerTable
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;

    public readonly record struct Owner(ImportRowAction Action, long Line, long? ExistingClientId, long? NewOrdinal);

    // Ids and ordinals are positive, so 0 stands for "none".
    private struct Slot
    {
        public long Line;
        public long ExistingClientId;
        public long NewOrdinal;
        public ImportRowAction Action;
        public bool Used;
    }

    private readonly List<Slot[]> _chunks = [];

    public void Set(long seq, Owner owner)
    {
        var (chunk, index) = Locate(seq);
        while (_chunks.Count <= chunk) _chunks.Add(new Slot[ChunkSize]);
        _chunks[chunk][index] = new Slot
        {
            Line = owner.Line, ExistingClientId = owner.ExistingClientId ?? 0, NewOrdinal = owner.NewOrdinal ?? 0, Action = owner.Action, Used = true,
        };
    }

    public Owner this[long seq]
    {
        get
        {
            var (chunk, index) = Locate(seq);
            var slot = chunk < _chunks.Count ? _chunks[chunk][index] : default;
            if (!slot.Used) throw new KeyNotFoundException($"row {seq} owns no keys");
            return new Owner(slot.Action, slot.Line, slot.ExistingClientId == 0 ? null : slot.ExistingClientId, slot.NewOrdinal == 0 ? null : slot.NewOrdinal);
        }
    }

    private static (int Chunk, int Index) Locate(long seq) => ((int)(seq >> ChunkBits), (int)(seq & (ChunkSize - 1)));
}
