using System.Text.Json;
using System.Net;
using Clientele.Features.Duplicates;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Duplicates;

/// <summary>
/// Merge moves everything and undo puts the database back as it was, row for row. Runs on PostgreSQL too: the undo
/// inserts the merged client again with its old id into an identity column, and moves rows with provider SQL.
/// </summary>
public abstract class MergeUndoTests(AppFixture fixture) : DuplicatesWorld(fixture)
{
    [Fact]
    public async Task Merge_moves_every_row_and_undo_restores_the_database_exactly()
    {
        var name = Unique("Ромашка ");
        var pair = await PairAsync(name);
        // The scan's pair (same name in the same city) should turn Merged and come back Open.
        await JsonAsync(await Http.PostAsync("/api/v1/duplicates/scan", null));
        var before = await SnapshotAsync();
        var counts = await CountsAsync(pair.Merged);

        // The preview says, field by field, which value the kept client will hold, and what moves; it writes nothing
        // (the undo's exact comparison with the snapshot taken before it proves that too).
        var preview = await GetJsonAsync($"/api/v1/duplicates/merge-preview?keepId={pair.Kept}&mergeId={pair.Merged}");
        var fields = preview.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);
        Assert.Equal((name, name + " ООО", false), (fields["Name"].GetProperty("kept").GetString(), fields["Name"].GetProperty("merged").GetString(),
            fields["Name"].GetProperty("takesMerged").GetBoolean()));
        Assert.Equal(name, fields["Name"].GetProperty("result").GetString());
        string[] filled = ["Email", "Industry", "Notes", "Phone", "Website"];
        Assert.Equal(filled, fields.Values.Where(f => f.GetProperty("takesMerged").GetBoolean()).Select(f => f.GetProperty("field").GetString()).Order());
        Assert.Equal(("+79161234567", JsonValueKind.Null), (fields["Phone"].GetProperty("result").GetString(), fields["Phone"].GetProperty("kept").ValueKind));
        Assert.Equal("Москва", fields["City"].GetProperty("result").GetString());
        Assert.False(fields["City"].GetProperty("takesMerged").GetBoolean());
        Assert.Equal((counts["Purchases"], counts["Interactions"], counts["ContactPersons"], counts["Tasks"]),
            (preview.GetProperty("purchasesMoving").GetInt32(), preview.GetProperty("interactionsMoving").GetInt32(),
             preview.GetProperty("contactPersonsMoving").GetInt32(), preview.GetProperty("tasksMoving").GetInt32()));

        var merge = await MergeAsync(pair.Kept, pair.Merged);
        var mergeId = Id(merge);
        Assert.True(merge.GetProperty("canUndo").GetBoolean());

        var after = await CountsAsync(pair.Kept);
        await App.ReadAsync(async db =>
        {
            Assert.False(await db.Clients.AnyAsync(c => c.Id == pair.Merged));
            Assert.Equal(0, await db.Purchases.CountAsync(p => p.ClientId == pair.Merged));
            var kept = await db.Clients.Include(c => c.Tags).SingleAsync(c => c.Id == pair.Kept);
            // Empty fields filled from the merged client; its own name stays.
            Assert.Equal((name, "+79161234567", "https://example.com", "Retail"), (kept.Name, kept.Phone, kept.Website, kept.Industry));
            // What the preview promised is what the merge did.
            Assert.Equal((fields["Email"].GetProperty("result").GetString(), fields["Notes"].GetProperty("result").GetString(), fields["Website"].GetProperty("result").GetString()),
                (kept.Email, kept.Notes, kept.Website));
            Assert.Equal(["vip", "wholesale"], kept.Tags.Select(t => t.Tag).Order());
            Assert.Equal(3, kept.PurchaseCount);
            var figures = await db.ClientFigures.SingleAsync(f => f.ClientId == pair.Kept);
            Assert.Equal((pair.KeptRevenue + pair.MergedRevenue, 3, 15m), (figures.Revenue, figures.Purchases, figures.ServiceCost));
            Assert.Equal(figures.Revenue, await db.ClientMonthFigures.Where(m => m.ClientId == pair.Kept).SumAsync(m => m.Revenue));
            var referred = await db.Clients.SingleAsync(c => c.Id == pair.Referred);
            Assert.Equal((pair.Kept, pair.Kept), (referred.ReferredById!.Value, referred.ServedThroughId!.Value));
            Assert.True(await db.ClientGroupMembers.AnyAsync(m => m.GroupId == pair.Group && m.ClientId == pair.Kept));
            Assert.Contains(await db.ClientSearchTerms.Where(t => t.ClientId == pair.Kept).Select(t => t.Term).ToListAsync(), t => t == Clientele.Features.Clients.TermSource.ClientContact + "79161234567");
            var candidate = await db.Set<DuplicateCandidate>().SingleAsync(d => d.ClientId == pair.Kept && d.OtherClientId == pair.Merged);
            Assert.Equal(DuplicateStatus.Merged, candidate.Status);
            var audit = await db.Set<Clientele.Features.Audit.AuditEntry>().Where(e => e.Entity == ClientMerge.AuditEntity && e.EntityId == mergeId).ToListAsync();
            Assert.Equal(Clientele.Features.Audit.AuditAction.ClientsMerged, Assert.Single(audit).Action);
            Assert.Contains(name, audit[0].Detail);
            Assert.Equal(2, await db.Set<Clientele.Features.Audit.AuditEntryClient>().CountAsync(c => c.EntryId == audit[0].Id));
            return 0;
        });
        foreach (var (table, count) in counts)
            Assert.True(after[table] >= count, $"{table}: the kept client has {after[table]} rows, the merged one had {count}");
        Assert.Equal(counts["Purchases"] + 1, after["Purchases"]);
        Assert.Equal(counts["Interactions"], after["Interactions"]);
        Assert.Equal(counts["ContactPersons"] + 1, after["ContactPersons"]);
        Assert.Equal(counts["Tasks"] + 1, after["Tasks"]);
        Assert.Equal(counts["PersonalDataConsents"] + 1, after["PersonalDataConsents"]);

        var undone = await JsonAsync(await Http.PostAsync($"/api/v1/duplicates/merges/{mergeId}/undo", null));
        Assert.False(undone.GetProperty("canUndo").GetBoolean());
        var restored = await SnapshotAsync();
        Assert.True(before == restored, "differs after the undo:\n" + Difference(before, restored));
        await App.ReadAsync(async db =>
        {
            var actions = await db.Set<Clientele.Features.Audit.AuditEntry>().Where(e => e.Entity == ClientMerge.AuditEntity && e.EntityId == mergeId)
                .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
            Assert.Equal([Clientele.Features.Audit.AuditAction.ClientsMerged, Clientele.Features.Audit.AuditAction.ClientMergeUndone], actions);
            return 0;
        });
        // Undone once is undone.
        await AssertProblemAsync(await Http.PostAsync($"/api/v1/duplicates/merges/{mergeId}/undo", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_preview_refuses_a_missing_or_equal_side_and_a_client_that_does_not_exist()
    {
        var client = Id(await CreateClientAsync(Unique("Preview ")));
        await AssertInvalidAsync(await Http.GetAsync($"/api/v1/duplicates/merge-preview?keepId={client}"), "mergeId");
        await AssertInvalidAsync(await Http.GetAsync($"/api/v1/duplicates/merge-preview?keepId={client}&mergeId={client}"), "mergeId");
        await AssertProblemAsync(await Http.GetAsync($"/api/v1/duplicates/merge-preview?keepId={client}&mergeId=999999999"), HttpStatusCode.NotFound);
    }

    private static string Difference(string before, string after)
    {
        var (a, b) = (before.Split('\n'), after.Split('\n'));
        return string.Join('\n', a.Except(b).Select(l => "- " + l).Concat(b.Except(a).Select(l => "+ " + l)));
    }

    /// <summary>Rows per client-keyed table of one client, by table name.</summary>
    private Task<Dictionary<string, int>> CountsAsync(long clientId) => App.ReadAsync(async db => new Dictionary<string, int>
    {
        ["Purchases"] = await db.Purchases.CountAsync(p => p.ClientId == clientId),
        ["Interactions"] = await db.Interactions.CountAsync(p => p.ClientId == clientId),
        ["ContactPersons"] = await db.ContactPersons.CountAsync(p => p.ClientId == clientId),
        ["Tasks"] = await db.Tasks.CountAsync(p => p.ClientId == clientId),
        ["ServiceCosts"] = await db.ServiceCosts.CountAsync(p => p.ClientId == clientId),
        ["PersonalDataConsents"] = await db.Set<Clientele.Features.Privacy.PersonalDataConsent>().CountAsync(p => p.ClientId == clientId),
        ["ClientGroupMembers"] = await db.ClientGroupMembers.CountAsync(p => p.ClientId == clientId),
    });
}

public sealed class MergeUndoTestsOnSqlite(SqliteApp fixture) : MergeUndoTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class MergeUndoTestsOnPostgres(PostgresApp fixture) : MergeUndoTests(fixture), IClassFixture<PostgresApp>;
