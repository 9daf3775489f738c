using Clientele.Features.Duplicates;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Engine;

/// <summary>
/// Decides what a valid row does: update or skip the client in the base it matches exactly (its code in the source
/// system first, then phone, e-mail, tax id),
/// fold into an earlier row of the file it repeats, or create a client — marked for review when its name resembles
/// one in the same city. The base's keys are loaded once into hash maps; the file's keys are added as rows pass.
/// </summary>
public sealed class ClientMatcher
{
    private readonly record struct Similar(string NameKey, long ClientId);

    // Key 0 is the client code, then phone, e-mail, tax id: the order they are tried in.
    private readonly Dictionary<long, long>[] _base = [new(), new(), new(), new()];
    private readonly Dictionary<long, long>[] _file = [new(), new(), new(), new()];
    private readonly OwnerTable _owners = new();
    private readonly Dictionary<string, List<Similar>> _blocks = new(StringComparer.Ordinal);
    private HashSet<long>? _visible;
    private readonly ImportMatchPolicy _policy;
    private readonly long? _newClientsManager;

    public long LastOrdinal { get; private set; }

    private ClientMatcher(ImportMatchPolicy policy, long? newClientsManager)
    {
        _policy = policy;
        _newClientsManager = newClientsManager;
    }

    public static async Task<ClientMatcher> LoadAsync(ClienteleDb db, ImportMatchPolicy policy, CancellationToken ct)
    {
        var scope = db.Access;
        var matcher = new ClientMatcher(policy, scope.SeesAllClients ? null : scope.ViewerId);
        // Every client, seen or not: a row must not create a second copy of a client its importer cannot see.
        var all = db.Clients.IgnoreQueryFilters().AsNoTracking().Select(c => new { c.Id, c.ExternalCode, c.Phone, c.Email, c.TaxId, c.Name, c.City });
        await foreach (var c in all.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (KeyHash.Of(c.ExternalCode) is { } code) matcher._base[0].TryAdd(code, c.Id);
            if (KeyHash.Of(c.Phone) is { } phone) matcher._base[1].TryAdd(phone, c.Id);
            if (KeyHash.Of(c.Email) is { } email) matcher._base[2].TryAdd(email, c.Id);
            if (KeyHash.Of(c.TaxId is null ? null : DuplicateKeys.TaxId(c.TaxId)) is { } tax) matcher._base[3].TryAdd(tax, c.Id);
            var city = DuplicateKeys.CityKey(c.City);
            if (city.Length == 0) continue;
            var nameKey = DuplicateKeys.NameKey(c.Name);
            var block = DuplicateKeys.BlockKey(nameKey, city);
            if (!matcher._blocks.TryGetValue(block, out var list)) matcher._blocks[block] = list = [];
            list.Add(new Similar(nameKey, c.Id));
        }
        if (!scope.SeesAllClients) matcher._visible = [.. await db.Clients.Select(c => c.Id).ToListAsync(ct)];
        return matcher;
    }

    /// <summary>Sets the row's action and references; the row must be valid (not rejected).</summary>
    public void Decide(StagedClient row)
    {
        ClientRowParser.Hash(row);
        long?[] keys = KeysOf(row);

        long? hidden = null;
        for (var k = 0; k < keys.Length; k++)
        {
            if (keys[k] is not { } key || !_base[k].TryGetValue(key, out var clientId)) continue;
            if (_visible is not null && !_visible.Contains(clientId))
            {
                // Any answer that differs from a new client's ("exists and belongs to another manager", a rejection)
                // tells the importer that someone holds this phone, e-mail or tax id (issue 17). The row reads as a new
                // client, and the pair waits in the owner's duplicates review, where the importer does not see it.
                hidden ??= clientId;
                continue;
            }
            row.Action = _policy == ImportMatchPolicy.Update ? ImportRowAction.Update : ImportRowAction.Skip;
            row.ExistingClientId = clientId;
            row.Reason = $"same {Noun(k)} as client {clientId} in the base";
            Register(row, keys, row.Seq);
            return;
        }

        for (var k = 0; k < keys.Length; k++)
        {
            if (keys[k] is not { } key || !_file[k].TryGetValue(key, out var ownerSeq)) continue;
            var owner = _owners[ownerSeq];
            row.ExistingClientId = owner.ExistingClientId;
            row.MergedIntoSeq = ownerSeq;
            row.Reason = $"same {Noun(k)} as line {owner.Line}";
            if (owner.Action == ImportRowAction.Skip)
            {
                row.Action = ImportRowAction.Skip;
                return;
            }
            row.Action = ImportRowAction.Merge;
            row.NewOrdinal = owner.NewOrdinal;
            Register(row, keys, ownerSeq);
            return;
        }

        row.NewOrdinal = ++LastOrdinal;
        row.Action = ImportRowAction.Create;
        row.ManagerId ??= _newClientsManager;
        if (hidden is { } foreign)
        {
            // Kept on the row only for the merge's duplicate candidate; a Create row's report names no client.
            row.SimilarClientId = foreign;
            row.Score = 1;
        }
        else if (FindSimilar(row) is { } similar)
        {
            row.Action = ImportRowAction.Review;
            row.SimilarClientId = similar.ClientId;
            row.Score = similar.Score;
            row.Reason = $"resembles client {similar.ClientId} in the same city ({similar.Score:P0} alike)";
        }
        Register(row, keys, row.Seq);
    }

    /// <summary>A resumed run: puts back what the already staged rows taught the maps, in file order.</summary>
    public void Replay(StagedClient row)
    {
        long?[] keys = KeysOf(row);
        switch (row.Action)
        {
            case ImportRowAction.Create or ImportRowAction.Review or ImportRowAction.Update or ImportRowAction.Skip when row.MergedIntoSeq is null:
                Register(row, keys, row.Seq);
                if (row.NewOrdinal is { } ordinal && row.Action is ImportRowAction.Create or ImportRowAction.Review) LastOrdinal = Math.Max(LastOrdinal, ordinal);
                break;
            case ImportRowAction.Merge:
                Register(row, keys, row.MergedIntoSeq!.Value);
                break;
        }
    }

    private void Register(StagedClient row, long?[] keys, long ownerSeq)
    {
        if (ownerSeq == row.Seq) _owners.Set(row.Seq, new OwnerTable.Owner(row.Action, row.Line, row.ExistingClientId, row.NewOrdinal));
        for (var k = 0; k < keys.Length; k++)
            if (keys[k] is { } key) _file[k].TryAdd(key, ownerSeq);
    }

    private (long ClientId, double Score)? FindSimilar(StagedClient row)
    {
        if (_blocks.Count == 0) return null;
        var city = DuplicateKeys.CityKey(row.City);
        if (city.Length == 0) return null;
        var nameKey = DuplicateKeys.NameKey(row.Name);
        if (!_blocks.TryGetValue(DuplicateKeys.BlockKey(nameKey, city), out var block)) return null;
        (long ClientId, double Score)? best = null;
        foreach (var candidate in block)
        {
            if (_visible is not null && !_visible.Contains(candidate.ClientId)) continue;
            var score = DuplicateKeys.NameSimilarity(nameKey, candidate.NameKey);
            if (score >= DuplicateKeys.FuzzyThreshold && (best is null || score > best.Value.Score)) best = (candidate.ClientId, score);
        }
        return best;
    }

    private static long?[] KeysOf(StagedClient row) => [KeyHash.Of(row.ExternalCode), row.PhoneHash, row.EmailHash, row.TaxIdHash];

    private static string Noun(int key) => key switch { 0 => "client code", 1 => "phone", 2 => "e-mail", _ => "tax id" };
}
