using Clientele.Features.Audit;
using Clientele.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Engine;

/// <summary>
/// Moves a fully staged client import into the base in ONE transaction, set-based: new clients with ids base + ordinal,
/// their tags, search terms, contact persons, loyalty rows and review candidates; then updates of existing clients
/// (before-images kept for rollback); then the job's counts and one audit entry. Killed half-way, the database rolls it
/// all back and the next run does it again.
/// </summary>
/// <remarks>
/// The raw SQL and the IgnoreQueryFilters below bypass the row-level access filters on purpose: the matcher already
/// decided, under the importing user's scope, which rows create new clients and which existing clients (visible to that
/// user) they update; a row matching a client the user cannot see became a new client there, paired for the owner's review.
/// </remarks>
public static class StagedClientsMerge
{
    private const string Staged = "\"ImportStagedClients\"";
    private const string NewClientRows = "s.\"JobId\" = {0} AND s.\"Action\" IN (0, 5)";
    private const string TargetId = "COALESCE(s.\"ExistingClientId\", {1} + s.\"NewOrdinal\")";

    public static async Task RunAsync(ClienteleDb db, ImportJob job, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        // One statement moves a million rows; the default 30 s would abort a big merge on a busy server.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        db.BulkLoad = true;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // New ids are max + ordinal: nobody else may insert clients meanwhile (SQLite serialises writers anyway).
        if (postgres)
        {
            await db.Database.ExecuteSqlRawAsync("LOCK TABLE \"Clients\", \"ContactPersons\" IN SHARE ROW EXCLUSIVE MODE", ct);
            // Sorts, hashes and index builds of a million rows in memory rather than in temporary files (this transaction only).
            await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '128MB'; SET LOCAL maintenance_work_mem = '256MB'", ct);
            // A million rows just arrived by COPY; without statistics the planner guesses the staging table is tiny.
            using (ImportTrace.Start("merge: analyze staging")) await db.Database.ExecuteSqlRawAsync("ANALYZE \"ImportStagedClients\"", ct);
        }
        var baseId = await db.Clients.IgnoreQueryFilters().MaxAsync(c => (long?)c.Id, ct) ?? 0;
        if (!postgres)
            // The index builds below sort in this cache; SQLite's default 2 MB would spill every sort to temporary files.
            await db.Database.ExecuteSqlRawAsync(MergeCache, ct);
        var indexes = await DropIndexesIfBigAsync(db, job.Id, ct);
        var now = db.UtcNow;
        var today = DateOnly.FromDateTime(now);
        object[] args = [job.Id, baseId, now, today];

        var created = await Sql(db, $$"""
            INSERT INTO "Clients" ("Id", "Kind", "Role", "Name", "LegalName", "TaxId", "Kpp", "ExternalCode", "Industry", "Region", "City", "Country", "Size",
                "Website", "Phone", "Email", "AcquisitionChannelId", "AcquiredOn", "ManagerId", "Status", "Notes", "NameKey",
                "PurchaseCount", "CreatedAt", "UpdatedAt", "Version")
            SELECT {1} + s."NewOrdinal", COALESCE(s."Kind", 0), COALESCE(s."Role", 0), s."Name", s."LegalName", s."TaxId", s."Kpp", s."ExternalCode", s."Industry", s."Region", s."City", s."Country", 0,
                s."Website", s."Phone", s."Email", s."ChannelId", s."AcquiredOn", s."ManagerId", COALESCE(s."Status", 0), s."Notes", s."NameKey",
                0, {2}, {2}, 1
            FROM {{Staged}} s WHERE {{NewClientRows}}
            """, args, ct);
        if (created > 0)
            db.Add(new ImportCreatedRange { JobId = job.Id, FirstClientId = baseId + 1, LastClientId = baseId + created });
        await db.SaveChangesAsync(ct);

        int updated;
        using (ImportTrace.Start("merge: updates")) updated = await ClientUpdates.ApplyAsync(db, job.Id, ct);
        await AddContactsAsync(db, args, postgres, ct);

        var expand = postgres ? "jsonb_array_elements_text(s.\"{0}\"::jsonb) AS j(value)" : "json_each(s.\"{0}\") AS j";
        await Sql(db, $$"""
            INSERT INTO "ClientTags" ("ClientId", "Tag")
            SELECT DISTINCT {{TargetId}}, j.value FROM {{Staged}} s, {{string.Format(expand, "Tags")}}
            WHERE s."JobId" = {0} AND s."Action" IN (0, 1, 2, 5) AND s."Tags" IS NOT NULL
            ON CONFLICT DO NOTHING
            """, args, ct);
        // A new client's id is fresh and the highest, so its terms (distinct per row) append to the (ClientId, Term)
        // key as they come: no sort, no conflict check. Only a row the file repeats (merged into an earlier row's new
        // client) can bring a term that client already has; those few rows go in separately, dropping repeats.
        await Sql(db, $$"""
            INSERT INTO "ClientSearchTerms" ("ClientId", "Term")
            SELECT {1} + s."NewOrdinal", j.value FROM {{Staged}} s, {{string.Format(expand, "Terms")}}
            WHERE {{NewClientRows}}
            """, args, ct);
        await Sql(db, $$"""
            INSERT INTO "ClientSearchTerms" ("ClientId", "Term")
            SELECT {1} + s."NewOrdinal", j.value FROM {{Staged}} s, {{string.Format(expand, "Terms")}}
            WHERE s."JobId" = {0} AND s."Action" = 2 AND s."ExistingClientId" IS NULL
            ON CONFLICT DO NOTHING
            """, args, ct);

        await Sql(db, $$"""
            INSERT INTO "DuplicateCandidates" ("ClientId", "OtherClientId", "Reason", "Score", "Source", "ImportJobId", "Status", "CreatedAt")
            SELECT s."SimilarClientId", {1} + s."NewOrdinal", 3, s."Score", 1, {0}, 0, {2}
            FROM {{Staged}} s WHERE s."JobId" = {0} AND s."Action" = 5
            """, args, ct);
        // A new client whose phone, e-mail or tax id a client hidden from the importer holds: the pair goes to the
        // owner's review (the hidden client first, so the importer's row filter keeps it from them).
        await Sql(db, $$"""
            INSERT INTO "DuplicateCandidates" ("ClientId", "OtherClientId", "Reason", "Score", "Source", "ImportJobId", "Status", "CreatedAt")
            SELECT s."SimilarClientId", {1} + s."NewOrdinal",
                CASE WHEN c."Phone" = s."Phone" THEN 0 WHEN c."Email" = s."Email" THEN 1 ELSE 2 END, 1, 1, {0}, 0, {2}
            FROM {{Staged}} s JOIN "Clients" c ON c."Id" = s."SimilarClientId"
            WHERE s."JobId" = {0} AND s."Action" = 0 AND s."SimilarClientId" IS NOT NULL
            ON CONFLICT DO NOTHING
            """, args, ct);
        if (indexes is not null)
            using (ImportTrace.Start($"merge: recreate {indexes.Count} indexes")) await indexes.RecreateAsync(db, ct);
        // After the indexes are back: it looks the existing clients' terms up by client.
        using (ImportTrace.Start("merge: resync terms")) await ClientUpdates.ResyncTermsAsync(db, job.Id, ct);
        // The refresh path, as after every write: loss rows and ladder steps of the new clients (set-based) and of the
        // updated ones, whose status the file may have changed.
        var overwritten = await db.Set<ImportBeforeImage>().Where(i => i.JobId == job.Id).Select(i => i.ClientId).ToListAsync(ct);
        using (ImportTrace.Start("merge: refresh"))
            await ClientRefresh.RunAsync(db, ClientWrite.Imported(overwritten, created > 0 ? (baseId + 1, baseId + created) : null), ct);
        if (postgres && created > 0)
            await db.Database.ExecuteSqlRawAsync(
                "SELECT setval(pg_get_serial_sequence('\"Clients\"', 'Id'), (SELECT MAX(\"Id\") FROM \"Clients\"))", ct);

        if (db.Entry(job).State == EntityState.Detached) db.Attach(job);
        await CountAsync(db, job, ct);
        job.Status = ImportJobStatus.Completed;
        job.Phase = null;
        job.FinishedAt = now;
        await db.SaveChangesAsync(ct);
        await new AuditLog(db).RecordAsync(new AuditEvent(AuditAction.Created, job.CreatedById, "Import", job.Id,
            Detail: $"client import of '{job.FileName}': {job.RowsCreated} created, {job.RowsUpdated} updated, {job.RowsMerged} merged, " +
                    $"{job.RowsSkipped} skipped, {job.RowsRejected} rejected, {job.RowsForReview} for review",
            RowCount: (int)Math.Min(int.MaxValue, created + updated)), ct);
        using (ImportTrace.Start("merge: commit")) await transaction.CommitAsync(ct);
        db.BulkLoad = false;
        if (!postgres) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
    }

    /// <summary>The merge connection's page cache on SQLite while it builds indexes: 64 MiB (the pool then gets the default back).</summary>
    private const string MergeCache = "PRAGMA cache_size = -65536";

    /// <summary>Tests: take the big-import path (drop and rebuild the indexes) whatever the sizes.</summary>
    internal static readonly AsyncLocal<bool> ForceIndexRebuild = new();

    /// <summary>Drops the target tables' plain indexes when the import brings at least as many clients as the base has.</summary>
    private static async Task<BulkIndexes?> DropIndexesIfBigAsync(ClienteleDb db, long jobId, CancellationToken ct)
    {
        var incoming = await db.Set<StagedClient>().LongCountAsync(s => s.JobId == jobId
            && (s.Action == ImportRowAction.Create || s.Action == ImportRowAction.Review), ct);
        var existing = await db.Clients.IgnoreQueryFilters().LongCountAsync(ct);
        if (!ForceIndexRebuild.Value && (incoming == 0 || incoming < existing)) return null;
        using var step = ImportTrace.Start("merge: drop indexes");
        return await BulkIndexes.DropAsync(db, ct);
    }

    /// <summary>Contacts for existing clients first, so their ids (above the old maximum) are recorded for rollback.</summary>
    private static async Task AddContactsAsync(ClienteleDb db, object[] args, bool postgres, CancellationToken ct)
    {
        var list = postgres
            ? "CASE WHEN s.\"{0}\" IS NULL THEN ARRAY[]::text[] ELSE ARRAY[s.\"{0}\"] END"
            : "CASE WHEN s.\"{0}\" IS NULL THEN '[]' ELSE json_array(s.\"{0}\") END";
        var consents = postgres ? "'[]'::jsonb" : "'[]'";
        string Insert(string which) => $$"""
            INSERT INTO "ContactPersons" ("ClientId", "Name", "Position", "Phones", "Emails", "Consents", "CreatedAt", "UpdatedAt", "Version")
            SELECT {{TargetId}}, s."ContactName", s."ContactPosition", {{string.Format(list, "ContactPhone")}}, {{string.Format(list, "ContactEmail")}},
                {{consents}}, {2}, {2}, 1
            FROM {{Staged}} s
            WHERE s."JobId" = {0} AND s."Action" IN (0, 1, 2, 5) AND s."ContactName" IS NOT NULL AND s."ExistingClientId" IS {{which}}
            ORDER BY s."Seq"
            """;
        var before = await db.ContactPersons.IgnoreQueryFilters().MaxAsync(c => (long?)c.Id, ct) ?? 0;
        await Sql(db, Insert("NOT NULL"), args, ct);
        await Sql(db, $$"""
            INSERT INTO "ImportAddedContacts" ("JobId", "ContactId") SELECT {0}, c."Id" FROM "ContactPersons" c WHERE c."Id" > {{before}}
            """, args, ct);
        await Sql(db, Insert("NULL"), args, ct);
    }

    internal static async Task CountAsync(ClienteleDb db, ImportJob job, CancellationToken ct)
    {
        var counts = await db.Set<StagedClient>().Where(s => s.JobId == job.Id).GroupBy(s => s.Action)
            .Select(g => new { Action = g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Action, g => g.Count, ct);
        job.RowsCreated = counts.GetValueOrDefault(ImportRowAction.Create) + counts.GetValueOrDefault(ImportRowAction.Review);
        job.RowsUpdated = counts.GetValueOrDefault(ImportRowAction.Update);
        job.RowsMerged = counts.GetValueOrDefault(ImportRowAction.Merge);
        job.RowsSkipped = counts.GetValueOrDefault(ImportRowAction.Skip);
        job.RowsRejected = counts.GetValueOrDefault(ImportRowAction.Reject);
        job.RowsForReview = counts.GetValueOrDefault(ImportRowAction.Review);
        job.RowsTotal = counts.Values.Sum();
    }

    /// <summary>The statements are built from constants; only the job id, base id and clock go in, as parameters.</summary>
    private static async Task<int> Sql(ClienteleDb db, string sql, object[] args, CancellationToken ct)
    {
        using var step = ImportTrace.Start("merge: " + sql.Trim()[..Math.Min(48, sql.Trim().Length)].ReplaceLineEndings(" "));
        return await db.Database.ExecuteSqlRawAsync(sql, args, ct);
    }
}
