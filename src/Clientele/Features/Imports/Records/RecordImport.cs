using System.Diagnostics;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Records;

/// <summary>Imports of purchases, interactions and service costs: rows that belong to clients already in the base.</summary>
public static class RecordImport
{
    /// <summary>Rows listed in a report; beyond these only the counts grow.</summary>
    public const int ReportedRowsCap = 1_000;
    private const int SaveBatch = 500;
    private const int ProgressEvery = 500;

    /// <summary>
    /// Validates every row (the client found by tax id, e-mail, phone or exact name); when <paramref name="write"/>,
    /// commits all valid rows in one transaction recorded against <paramref name="job"/> so it can be rolled back.
    /// Counts are of rows: every data row is created, rejected or (blank) skipped.
    /// </summary>
    public static async Task<ImportReport> RunAsync(ClienteleDb db, ImportJob job, ImportOptions options, ITabularReader file, ColumnMap map,
        bool write, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (options.Kind == ImportKind.Clients) throw new ArgumentException("Clients are imported by the client importer.", nameof(options));
        ImportMapping.CheckRequired(options.Kind, map);
        // A run that committed and then died before its job was marked done must not land a second time when run again.
        if (write && await db.Set<ImportCreatedRecord>().AnyAsync(r => r.JobId == job.Id, ct)) write = false;
        var company = await new CompanySettingsReader(db).GetAsync(ct);
        var context = new RecordContext(db, new RecordLookups(db, options.DefaultRegion), company, job, map);
        var builder = RecordBuilder.For(options.Kind, context);
        var run = new Run(db, job, company, write, ct);

        var bulk = db.BulkLoad;
        await using var transaction = write && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.BulkLoad = write || bulk;
            var clock = Stopwatch.StartNew();
            var ready = new List<RecordUnit>();
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
                if (row.Problem is null) await context.Lookups.FindClientAsync(row, ct);
                await builder.AddAsync(row, ready, ct);
                await run.ProcessAsync(ready);
                if (run.RowsTotal % ProgressEvery == 0) progress?.Report(Progress(job, write, run.RowsTotal, file.Progress, clock.Elapsed));
            }
            await builder.FinishAsync(ready, ct);
            await run.ProcessAsync(ready);
            progress?.Report(Progress(job, write, run.RowsTotal, 1, clock.Elapsed));

            if (write)
            {
                await run.SaveBatchAsync();
                await ClientRefresh.RunAsync(db, ClientWrite.Of(RowsOf(options.Kind), run.Clients), ct);
                await new Audit.AuditLog(db).RecordAsync(new Audit.AuditEvent(Audit.AuditAction.Created, Entity: "ImportJob", EntityId: job.Id,
                    Detail: $"import of {ImportMapping.KindName(options.Kind)} from {job.FileName}: {run.Records} records from {run.Created} rows, {run.Rejected} rows rejected",
                    RowCount: run.Records), ct);
                if (transaction is not null) await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            db.BulkLoad = bulk;
        }
        return new ImportReport(job.Id, file.Description, file.Header, map.ToDictionary(file.Header), run.RowsTotal, run.Created, 0, 0, run.Skipped,
            run.Rejected, 0, run.Outcomes, run.Truncated);
    }

    /// <summary>Which of the clients' rows an import of the kind writes.</summary>
    internal static ChangedRows RowsOf(ImportKind kind) => kind switch
    {
        ImportKind.Purchases => ChangedRows.Purchases,
        ImportKind.ServiceCosts => ChangedRows.ServiceCosts,
        ImportKind.Interactions => ChangedRows.Interactions,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a record import."),
    };

    private static ImportProgress Progress(ImportJob job, bool write, long rows, double fraction, TimeSpan elapsed)
    {
        var rate = elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;
        TimeSpan? remaining = fraction is > 0 and < 1 ? elapsed * ((1 - fraction) / fraction) : fraction >= 1 ? TimeSpan.Zero : null;
        return new ImportProgress(job.Id, write ? "importing" : "checking", rows, job.RowsTotal, rate, remaining);
    }

    /// <summary>Removes every record <paramref name="job"/> created and brings the figures of their clients back to what they were.</summary>
    public static Task RollbackAsync(ClienteleDb db, ImportJob job, CancellationToken ct) => RecordRollback.RunAsync(db, job, ct);

    /// <summary>The counts, outcomes and pending writes of one run.</summary>
    private sealed class Run(ClienteleDb db, ImportJob job, CompanySettings company, bool write, CancellationToken ct)
    {
        public long RowsTotal;
        public long Created;
        public long Rejected;
        public long Skipped;
        public int Records;
        public bool Truncated;
        public readonly List<ImportRowOutcome> Outcomes = [];
        public readonly HashSet<long> Clients = [];
        private readonly List<(string Entity, object Record)> _pending = [];

        public async Task ProcessAsync(List<RecordUnit> ready)
        {
            foreach (var unit in ready) await ProcessAsync(unit);
            ready.Clear();
        }

        private async Task ProcessAsync(RecordUnit unit)
        {
            if (unit.Rows.FirstOrDefault(r => r.Problem is not null) is { Problem: { } problem } bad)
            {
                RejectAll(unit, bad, problem.Field, problem.Reason);
                return;
            }
            var errors = await unit.CheckAsync(db, company, ct);
            if (errors.Any)
            {
                var (apiField, messages) = errors.ToDictionary().First();
                var (field, index) = unit.Locate(apiField);
                RejectAll(unit, unit.Rows[Math.Clamp(index, 0, unit.Rows.Count - 1)], field, messages[0]);
                return;
            }
            Created += unit.Rows.Count;
            Records++;
            Clients.Add(unit.ClientId);
            if (!write) return;
            var record = unit.Create();
            db.Add(record);
            _pending.Add((unit.Entity, record));
            if (_pending.Count >= SaveBatch) await SaveBatchAsync();
        }

        /// <summary>Rejects the unit's culprit row with the reason and its other rows (lines of the same purchase) for its sake.</summary>
        private void RejectAll(RecordUnit unit, RecordRow culprit, string? field, string reason)
        {
            foreach (var row in unit.Rows)
            {
                Rejected++;
                var outcome = row == culprit
                    ? new ImportRowOutcome(row.Line, ImportRowAction.Reject, reason, field, row.ClientId)
                    : new ImportRowOutcome(row.Line, ImportRowAction.Reject, $"line {culprit.Line} of the same purchase was rejected.", null, row.ClientId);
                if (Outcomes.Count < ReportedRowsCap) Outcomes.Add(outcome);
                else Truncated = true;
            }
        }

        /// <summary>Saves the pending records, notes their ids against the job, and lets go of them so memory stays flat.</summary>
        public async Task SaveBatchAsync()
        {
            if (_pending.Count == 0) return;
            await db.SaveChangesAsync(ct);
            var notes = _pending.Select(p => new ImportCreatedRecord { JobId = job.Id, Entity = p.Entity, EntityId = ((IHasId)p.Record).Id }).ToList();
            db.AddRange(notes);
            await db.SaveChangesAsync(ct);
            foreach (var (_, record) in _pending)
            {
                if (record is Purchases.Purchase purchase)
                    foreach (var line in purchase.Lines) db.Entry(line).State = EntityState.Detached;
                db.Entry(record).State = EntityState.Detached;
            }
            foreach (var note in notes) db.Entry(note).State = EntityState.Detached;
            _pending.Clear();
        }
    }
}
