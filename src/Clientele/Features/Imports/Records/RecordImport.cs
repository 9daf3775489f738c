using System.Diagnostics;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;
using Clientele.Infrastructure.Api;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Records;

/// <summary>Imports of purchases, interactions and service costs: rows that belong to clients already in the base.</summary>
public static class RecordImport
{
    /// <summary>Rows listed in a report; beyond these only the counts grow.</summary>
    public const int ReportedRowsCap = 1_000;
    /// <summary>Records written at a time: few statements, bounded memory.</summary>
    private const int SaveBatch = 5_000;
    /// <summary>Rows whose clients, products and stored records are read in one go.</summary>
    private const int ChunkRows = 2_000;
    private const int ProgressEvery = 500;

    /// <summary>
    /// Validates every row (the client found by tax id, e-mail, phone or exact name); when <paramref name="write"/>,
    /// commits all valid rows in one transaction recorded against <paramref name="job"/> so it can be rolled back.
    /// Counts are of rows: every data row is created, updated (its number found with other values), unchanged (found with
    /// the same values), a possible repeat (no number, and the base has the client's record of that day and amount: not
    /// written), rejected or (blank) skipped.
    /// </summary>
    public static async Task<ImportReport> RunAsync(ClienteleDb db, ImportJob job, ImportOptions options, ITabularReader file, ColumnMap map,
        bool write, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (options.Kind == ImportKind.Clients) throw new ArgumentException("Clients are imported by the client importer.", nameof(options));
        ImportMapping.CheckRequired(options.Kind, map);
        // A run that committed and then died before its job was marked done must not land a second time when run again.
        if (write && (await db.Set<ImportCreatedRecord>().AnyAsync(r => r.JobId == job.Id, ct)
            || await db.Set<ImportUpdatedRecord>().AnyAsync(r => r.JobId == job.Id, ct))) write = false;
        var company = await new CompanySettingsReader(db).GetAsync(ct);
        var context = new RecordContext(db, new RecordLookups(db, options.DefaultRegion), company, job, map);
        var builder = RecordBuilder.For(options.Kind, context);
        var run = new Run(db, job, company, context.Lookups.Known, write, await LastIdAsync(db, options.Kind, ct), TablesOf(db, options.Kind), ct);

        var bulk = db.BulkLoad;
        await using var transaction = write && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.BulkLoad = write || bulk;
            var clock = Stopwatch.StartNew();
            var ready = new List<RecordUnit>();
            var rows = new List<RecordRow>(ChunkRows);
            // A chunk of rows at a time: its clients and products read set-wise, then its rows built into units one by one.
            async Task TakeChunkAsync()
            {
                await context.Lookups.ReadAheadAsync(rows, ct);
                foreach (var row in rows)
                {
                    if (row.Problem is null) await context.Lookups.FindClientAsync(row, ct);
                    await builder.AddAsync(row, ready, ct);
                }
                rows.Clear();
                await run.ProcessAsync(ready);
            }
            while (file.Read())
            {
                ct.ThrowIfCancellationRequested();
                run.RowsTotal++;
                var row = RecordRow.Read(file, map);
                if (row.IsBlank && row.Problem is null)
                {
                    run.Skipped++;
                    continue;
                }
                rows.Add(row);
                if (rows.Count == ChunkRows) await TakeChunkAsync();
                if (run.RowsTotal % ProgressEvery == 0) progress?.Report(Progress(job, write, run.RowsTotal, file.Progress, clock.Elapsed));
            }
            await TakeChunkAsync();
            await builder.FinishAsync(ready, ct);
            await run.ProcessAsync(ready);
            progress?.Report(Progress(job, write, run.RowsTotal, 1, clock.Elapsed));
            Engine.ImportTrace.Report("records: read, check and write", clock.Elapsed);

            if (write)
            {
                await run.SaveBatchAsync();
                await run.RecreateIndexesAsync();
                Engine.ImportTrace.Report("records: of which writing", run.Writing);
                using (Engine.ImportTrace.Start($"records: refresh of {run.Clients.Count} clients"))
                    await ClientRefresh.RunAsync(db, ClientWrite.Of(RowsOf(options.Kind), run.Clients), ct);
                await new Audit.AuditLog(db).RecordAsync(new Audit.AuditEvent(Audit.AuditAction.Created, Entity: "ImportJob", EntityId: job.Id,
                    Detail: $"import of {ImportMapping.KindName(options.Kind)} from {job.FileName}: {run.Records} records from {run.Created} new and {run.Updated} changed rows, {run.Unchanged} unchanged, {run.Repeats} possible repeats, {run.Rejected} rejected",
                    RowCount: run.Records), ct);
                if (transaction is not null) await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            db.BulkLoad = bulk;
        }
        return new ImportReport(job.Id, file.Description, file.Header, map.ToDictionary(file.Header), run.RowsTotal, run.Created, run.Updated, 0,
            run.Skipped + run.Unchanged, run.Rejected, run.Repeats, run.Outcomes, run.Truncated, run.Unchanged);
    }

    /// <summary>Which of the clients' rows an import of the kind writes.</summary>
    internal static ChangedRows RowsOf(ImportKind kind) => kind switch
    {
        ImportKind.Purchases => ChangedRows.Purchases,
        ImportKind.ServiceCosts => ChangedRows.ServiceCosts,
        ImportKind.Interactions => ChangedRows.Interactions,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a record import."),
    };

    /// <summary>The tables an import of the kind inserts its records into.</summary>
    private static string[] TablesOf(ClienteleDb db, ImportKind kind) =>
        [.. (kind switch
        {
            ImportKind.Purchases => new[] { typeof(Purchases.Purchase), typeof(Purchases.PurchaseLine) },
            ImportKind.Interactions => new[] { typeof(Interactions.Interaction) },
            _ => new[] { typeof(ServiceCosts.ServiceCost) },
        }).Select(type => db.Model.FindEntityType(type)!.GetTableName()!)];

    private static ImportProgress Progress(ImportJob job, bool write, long rows, double fraction, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;
        TimeSpan? remaining = fraction is > 0 and < 1 ? elapsed * ((1 - fraction) / fraction) : fraction >= 1 ? TimeSpan.Zero : null;
        return new ImportProgress(job.Id, write ? "importing" : "checking", rows, job.RowsTotal, rate, remaining);
    }

    /// <summary>Removes every record <paramref name="job"/> created and brings the figures of their clients back to what they were.</summary>
    public static Task RollbackAsync(ClienteleDb db, ImportJob job, CancellationToken ct) => RecordRollback.RunAsync(db, job, ct);

    /// <summary>The largest id of the kind's records before the import: only those can be repeated by a row without a number.</summary>
    private static async Task<long> LastIdAsync(ClienteleDb db, ImportKind kind, CancellationToken ct) => kind switch
    {
        ImportKind.Purchases => await db.Purchases.MaxAsync(p => (long?)p.Id, ct),
        ImportKind.Interactions => await db.Interactions.MaxAsync(i => (long?)i.Id, ct),
        _ => await db.ServiceCosts.MaxAsync(c => (long?)c.Id, ct),
    } ?? 0;

    /// <summary>The counts, outcomes and pending writes of one run.</summary>
    private sealed class Run(ClienteleDb db, ImportJob job, CompanySettings company, KnownRows known, bool write, long lastIdBefore,
        string[] tables, CancellationToken ct)
    {
        public long RowsTotal;
        public long Created;
        public long Updated;
        public long Unchanged;
        public long Repeats;
        public long Rejected;
        public long Skipped;
        public int Records;
        public bool Truncated;
        public readonly List<ImportRowOutcome> Outcomes = [];
        public readonly HashSet<long> Clients = [];
        /// <summary>Time spent writing new records (for the trace).</summary>
        public TimeSpan Writing;
        private readonly List<object> _created = [];
        private string? _createdEntity;
        private readonly List<(string Entity, object Record, string Before)> _updated = [];
        /// <summary>The reader of what the units need from the base, kept for the whole run (it keeps the clients' earlier records).</summary>
        private RecordBatch? _batch;
        /// <summary>Every number the file used so far, with the client and line it first came with.</summary>
        private readonly Dictionary<(string? Source, string Number), (long ClientId, long Line)> _numbers = [];

        /// <summary>Takes the ready units: what they need from the base read set-wise first, then each checked as the API would.</summary>
        public async Task ProcessAsync(List<RecordUnit> ready)
        {
            if (ready.Count == 0) return;
            var batch = _batch ??= ready[0].NewBatch();
            await batch.ReadAsync(db, ready, lastIdBefore, ct);
            foreach (var unit in ready) await ProcessAsync(unit, batch);
            ready.Clear();
            if (_created.Count + _updated.Count >= SaveBatch) await SaveBatchAsync();
        }

        private async Task ProcessAsync(RecordUnit unit, RecordBatch batch)
        {
            if (unit.Rows.FirstOrDefault(r => r.Problem is not null) is { Problem: { } problem } bad)
            {
                RejectAll(unit, bad, problem.Field, problem.Reason);
                return;
            }
            var first = unit.Rows[0];
            if (unit.Number is { } number)
            {
                if (_numbers.TryGetValue((unit.Source, number), out var earlier))
                {
                    RejectAll(unit, first, "number", earlier.ClientId != unit.ClientId
                        ? RecordReasons.NumberOfAnotherClientInFile(number, earlier.Line)
                        : RecordReasons.NumberRepeated(number, earlier.Line));
                    return;
                }
                _numbers[(unit.Source, number)] = (unit.ClientId, first.Line);
                if (batch.ByNumber(unit) is { } stored)
                {
                    if (stored.ClientId != unit.ClientId) RejectAll(unit, first, "number", RecordReasons.NumberOfAnotherClientInBase(number));
                    else await MatchAsync(unit, batch.Stored(stored.Id));
                    return;
                }
            }
            if (!await CheckedAsync(unit, null)) return;
            var record = unit.Create();
            if (unit.Number is null && batch.Repeats(record))
            {
                // Without a number a second import of the same export cannot be told from new sales: the user decides.
                Repeats += unit.Rows.Count;
                Report(new ImportRowOutcome(first.Line, ImportRowAction.Review, RecordReasons.PossibleRepeat, null, unit.ClientId));
                return;
            }
            Created += unit.Rows.Count;
            Records++;
            Clients.Add(unit.ClientId);
            if (!write) return;
            _created.Add(record);
            _createdEntity = unit.Entity;
        }

        /// <summary>A record the base has under the same number: unchanged, or updated in place keeping its before-image.</summary>
        private async Task MatchAsync(RecordUnit unit, object? existing)
        {
            var first = unit.Rows[0];
            if (existing is null || !await CheckedAsync(unit, existing)) return;
            var changed = unit.ChangedFields(existing).Select(f => unit.Locate(f).Field ?? f).Distinct().ToList();
            if (changed.Count == 0)
            {
                Unchanged += unit.Rows.Count;
                Report(new ImportRowOutcome(first.Line, ImportRowAction.Skip, RecordReasons.Unchanged, null, unit.ClientId));
                db.Entry(existing).State = EntityState.Detached;
                return;
            }
            Updated += unit.Rows.Count;
            Records++;
            Clients.Add(unit.ClientId);
            Report(new ImportRowOutcome(first.Line, ImportRowAction.Update, RecordReasons.Changed(changed), changed[0], unit.ClientId));
            if (!write)
            {
                db.Entry(existing).State = EntityState.Detached;
                return;
            }
            var before = unit.BeforeImage(existing);
            unit.Apply(existing);
            _updated.Add((unit.Entity, existing, before));
        }

        /// <summary>Checks the unit as the API would (an edit of <paramref name="existing"/> when given); rejects it when it fails.</summary>
        private async Task<bool> CheckedAsync(RecordUnit unit, object? existing)
        {
            var errors = await unit.CheckAsync(db, company, existing, known, ct);
            if (!errors.Any) return true;
            var (apiField, messages) = errors.ToDictionary().First();
            var (field, index) = unit.Locate(apiField);
            RejectAll(unit, unit.Rows[Math.Clamp(index, 0, unit.Rows.Count - 1)], field, messages[0]);
            if (existing is not null) db.Entry(existing).State = EntityState.Detached;
            return false;
        }

        private void Report(ImportRowOutcome outcome)
        {
            if (Outcomes.Count < ReportedRowsCap) Outcomes.Add(outcome);
            else Truncated = true;
        }

        /// <summary>Rejects the unit's culprit row with the reason and its other rows (lines of the same purchase) for its sake.</summary>
        private void RejectAll(RecordUnit unit, RecordRow culprit, string? field, string reason)
        {
            foreach (var row in unit.Rows)
            {
                Rejected++;
                Report(row == culprit
                    ? new ImportRowOutcome(row.Line, ImportRowAction.Reject, reason, field, row.ClientId)
                    : new ImportRowOutcome(row.Line, ImportRowAction.Reject, Message.Of<RecordText>("line {0} of the same purchase was rejected.", culprit.Line).Encode(), null, row.ClientId));
            }
        }

        /// <summary>
        /// The secondary indexes of the kind's tables while a large import fills them from empty: one sort per index at
        /// the end instead of a B-tree insert per row and index. SQLite only, inside the import's transaction (a failure
        /// rolls the drop back with the rows); nothing reads the tables by those indexes in between, since a base without
        /// records of the kind gives the import nothing to look up (<see cref="RecordBatch"/>). PostgreSQL keeps them: its
        /// DROP INDEX would lock the table's readers out until the commit.
        /// </summary>
        private Engine.BulkIndexes? _dropped;

        /// <summary>Builds the indexes <see cref="SaveBatchAsync"/> dropped again, before the refresh reads the new rows by client.</summary>
        public async Task RecreateIndexesAsync()
        {
            if (_dropped is null) return;
            var started = Stopwatch.GetTimestamp();
            await _dropped.RecreateAsync(db, ct);
            _dropped = null;
            Writing += Stopwatch.GetElapsedTime(started);
        }

        /// <summary>
        /// Writes the pending records: new ones below EF with their notes against the job (<see cref="RecordWriter"/>),
        /// updated ones through EF with their before-images; then lets go of them so memory stays flat.
        /// </summary>
        public async Task SaveBatchAsync()
        {
            var started = Stopwatch.GetTimestamp();
            if (_created.Count >= SaveBatch && lastIdBefore == 0 && _dropped is null && !db.Database.IsNpgsql())
                _dropped = await Engine.BulkIndexes.DropAsync(db, tables, [], ct);
            if (_created.Count > 0) await RecordWriter.InsertAsync(db, job.Id, _createdEntity!, _created, ct);
            _created.Clear();
            Writing += Stopwatch.GetElapsedTime(started);
            if (_updated.Count == 0) return;
            await db.SaveChangesAsync(ct);
            var images = _updated.Select(u => new ImportUpdatedRecord
            {
                JobId = job.Id, Entity = u.Entity, EntityId = ((IHasId)u.Record).Id, VersionAfter = ((IVersioned)u.Record).Version, BeforeJson = u.Before,
            }).ToList();
            db.AddRange(images);
            await db.SaveChangesAsync(ct);
            foreach (var record in _updated.Select(u => u.Record))
            {
                if (record is Purchases.Purchase purchase)
                    foreach (var line in purchase.Lines) db.Entry(line).State = EntityState.Detached;
                db.Entry(record).State = EntityState.Detached;
            }
            foreach (var image in images) db.Entry(image).State = EntityState.Detached;
            _updated.Clear();
        }
    }
}
