using System.Diagnostics;
using System.Threading.Channels;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Features.Imports.Engine;

/// <summary>
/// The two passes over a client file: the dry run (validate and match, write nothing) and staging (the same, writing
/// rows in batches with the job's checkpoint in the batch's transaction, resuming after the last committed batch).
/// </summary>
public sealed class ClientImport
{
    public const int DefaultBatchSize = 20_000;
    public const int ReportRowsCap = 1_000;

    /// <summary>Tests: throw after this many committed batches, as a crash would stop the run.</summary>
    internal static readonly AsyncLocal<int?> FailAfterBatch = new();
    /// <summary>Tests and tuning: rows per staged batch.</summary>
    internal static readonly AsyncLocal<int?> BatchSize = new();

    private readonly ClienteleDb _db;
    private readonly ImportJob _job;
    private readonly ITabularReader _reader;
    private readonly ClientRowParser _parser;
    private readonly ClientMatcher _matcher;
    private readonly ProgressMeter _meter;

    private ClientImport(ClienteleDb db, ImportJob job, ITabularReader reader, ClientRowParser parser, ClientMatcher matcher, ProgressMeter meter)
    {
        (_db, _job, _reader, _parser, _matcher, _meter) = (db, job, reader, parser, matcher, meter);
    }

    public static async Task<ClientImport> OpenAsync(ClienteleDb db, ImportJob job, ImportOptions options, ITabularReader reader, ColumnMap map,
        string phase, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (map.ColumnOf(ClientFieldKeys.Name) is null && map.ColumnOf(ClientFieldKeys.ContactName) is null)
            throw new ImportMappingException(Message.Of("no column is mapped to 'name' (or, for people, 'contact_name')."));
        var lookups = await ImportLookups.LoadAsync(db, ct);
        var parser = new ClientRowParser(map, lookups, options.DefaultRegion, new PhoneCache());
        var matcher = await ClientMatcher.LoadAsync(db, options.OnMatch, ct);
        return new ClientImport(db, job, reader, parser, matcher, new ProgressMeter(job.Id, phase, job.RowsTotal, progress));
    }

    /// <summary>Says what every row would do; the database is not touched.</summary>
    public async Task<ImportReport> DryRunAsync(Action<ImportRowOutcome>? everyRow, CancellationToken ct)
    {
        var counts = new long[6];
        var rows = new List<ImportRowOutcome>();
        long seq = 0, warnings = 0, listable = 0;
        while (_reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            var row = Next(++seq);
            counts[(int)row.Action]++;
            var outcome = Outcome(row);
            everyRow?.Invoke(outcome);
            if (row.Warning is not null) warnings++;
            if (row.Action != ImportRowAction.Create || row.Warning is not null)
            {
                listable++;
                if (rows.Count < ReportRowsCap) rows.Add(outcome);
            }
            _meter.Report(seq, _reader);
        }
        _meter.Report(seq, 1, force: true);
        return new ImportReport(_job.Id, _reader.Description, _reader.Header, new Dictionary<string, string>(), seq,
            counts[0] + counts[5], counts[1], counts[2], counts[3], counts[4], counts[5], rows, rows.Count < listable, Warnings: warnings);
    }

    /// <summary>Stages every row after the job's checkpoint, batch by batch; resumes where a killed run stopped.</summary>
    /// <remarks>
    /// Reading, checking and matching (one core) run ahead of writing the previous batch (the database, the other core):
    /// a bounded channel hands over whole batches in file order, one waiting at most, so memory stays at three batches.
    /// Only complete batches are committed, each with its checkpoint, exactly as when the two took turns.
    /// </remarks>
    public async Task StageAsync(Action<ImportRowOutcome>? everyRow, CancellationToken ct)
    {
        await ReplayStagedAsync(ct);
        long skipped = 0;
        while (skipped < _job.Checkpoint && _reader.Read()) skipped++;
        var size = BatchSize.Value ?? DefaultBatchSize;
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var staging = Stopwatch.StartNew();
        var producer = Task.Run(() => ProduceAsync(channel.Writer, skipped, size, everyRow, stop.Token), CancellationToken.None);
        var writing = TimeSpan.Zero;
        long seq;
        try
        {
            var batches = 0;
            await foreach (var batch in channel.Reader.ReadAllAsync(ct))
            {
                var started = Stopwatch.GetTimestamp();
                await CommitBatchAsync(batch.Rows, batch.Folds, batch.LastSeq, ct);
                writing += Stopwatch.GetElapsedTime(started);
                if (++batches == FailAfterBatch.Value) throw new InvalidOperationException($"test hook: stopped after batch {batches}");
            }
            seq = await producer;
        }
        catch
        {
            await stop.CancelAsync();
            // The reader must be left alone before the caller disposes it; the first failure is the one to report.
            try { await producer; } catch (Exception) { /* superseded by the exception being rethrown */ }
            throw;
        }
        _job.RowsTotal = seq;
        _meter.Report(seq, 1, force: true);
        ImportTrace.Report("staging: all", staging.Elapsed);
        ImportTrace.Report("staging: writing batches (overlapping the rest)", writing);
    }

    private sealed record Batch(List<StagedClient> Rows, List<StagedClient> Folds, long LastSeq);

    /// <summary>Reads, checks and matches rows into batches; returns the number of the last row read.</summary>
    private async Task<long> ProduceAsync(ChannelWriter<Batch> output, long seq, int size, Action<ImportRowOutcome>? everyRow, CancellationToken ct)
    {
        try
        {
            var batch = new List<StagedClient>(size);
            var inBatch = new Dictionary<long, StagedClient>();
            var folds = new List<StagedClient>();
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var more = _reader.Read();
                if (more)
                {
                    var row = Next(++seq);
                    row.JobId = _job.Id;
                    everyRow?.Invoke(Outcome(row));
                    batch.Add(row);
                    inBatch[row.Seq] = row;
                    if (row is { Action: ImportRowAction.Merge, MergedIntoSeq: { } owner })
                    {
                        if (inBatch.TryGetValue(owner, out var earlier)) StagingWriter.Fold(earlier, row);
                        else folds.Add(row);
                    }
                    _meter.Report(seq, _reader);
                }
                if (batch.Count >= size || (!more && batch.Count > 0))
                {
                    await output.WriteAsync(new Batch(batch, folds, seq), ct);
                    // The handed-over lists belong to the writer now.
                    (batch, folds) = (new List<StagedClient>(size), []);
                    inBatch.Clear();
                }
                if (!more) return seq;
            }
        }
        finally
        {
            output.TryComplete();
        }
    }

    private async Task CommitBatchAsync(List<StagedClient> batch, List<StagedClient> folds, long seq, CancellationToken ct)
    {
        // A batch's COPY or inserts can outlast the default 30 s command timeout on a loaded server.
        _db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await using var transaction = await _db.Database.BeginTransactionAsync(ct);
        // A batch dirties more pages than SQLite's default 2 MB cache holds; spilling them mid-transaction costs writes twice.
        if (!_db.Database.IsNpgsql()) await _db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -32768", ct);
        await StagingWriter.WriteAsync(_db, batch, ct);
        await StagingWriter.FoldAsync(_db, folds, ct);
        _job.Checkpoint = seq;
        await _db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (!_db.Database.IsNpgsql()) await _db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", ct);
        // Test hook: the kill-and-resume test stops the process here, after a staged batch is committed and before the
        // next, a known point instead of a race against a fast import.
        if (HoldAfterCheckpoint) await Task.Delay(Timeout.Infinite, ct);
    }

    private static readonly bool HoldAfterCheckpoint = Environment.GetEnvironmentVariable(HoldAfterCheckpointVariable) == "1";

    /// <summary>Set to 1, a client import waits forever after its first committed staging batch (for the kill-and-resume test).</summary>
    public const string HoldAfterCheckpointVariable = "CLIENTELE_TEST_IMPORT_HOLD_AFTER_CHECKPOINT";

    /// <summary>A resumed run learns the keys and new-client numbers of the rows staged before it.</summary>
    private async Task ReplayStagedAsync(CancellationToken ct)
    {
        if (_job.Checkpoint == 0) return;
        var staged = _db.Set<StagedClient>().AsNoTracking().Where(s => s.JobId == _job.Id && s.Action != ImportRowAction.Reject).OrderBy(s => s.Seq)
            .Select(s => new StagedClient
            {
                Seq = s.Seq, Line = s.Line, Action = s.Action, ExistingClientId = s.ExistingClientId, NewOrdinal = s.NewOrdinal,
                MergedIntoSeq = s.MergedIntoSeq, PhoneHash = s.PhoneHash, EmailHash = s.EmailHash, TaxIdHash = s.TaxIdHash, ExternalCode = s.ExternalCode,
            });
        await foreach (var row in staged.AsAsyncEnumerable().WithCancellation(ct)) _matcher.Replay(row);
    }

    private StagedClient Next(long seq)
    {
        var row = _parser.Parse(_reader, seq);
        if (row.Action != ImportRowAction.Reject) _matcher.Decide(row);
        return row;
    }

    public static ImportRowOutcome Outcome(StagedClient row) => new(row.Line, row.Action, row.Reason, row.Field,
        row.Action == ImportRowAction.Review ? row.SimilarClientId : row.ExistingClientId, row.Warning);
}

/// <summary>Rows per second and time left, reported at most every 100 ms so the caller's drawing stays cheap.</summary>
public sealed class ProgressMeter(long jobId, string phase, long? total, IProgress<ImportProgress>? progress)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastReport = -1;
    private long _firstRow = -1;

    /// <summary>Asks the reader how far it is only when a report is due: its file position costs a system call.</summary>
    public void Report(long done, ITabularReader reader)
    {
        if (progress is null || (_firstRow >= 0 && _clock.ElapsedMilliseconds - _lastReport < 100)) return;
        Report(done, reader.Progress);
    }

    public void Report(long done, double fraction, bool force = false)
    {
        if (progress is null) return;
        if (_firstRow < 0) _firstRow = done - 1;
        var now = _clock.ElapsedMilliseconds;
        if (!force && now - _lastReport < 100) return;
        _lastReport = now;
        var rate = now == 0 ? 0 : (done - _firstRow) * 1000.0 / now;
        var expected = total ?? (fraction > 0.001 ? (long?)Math.Max(done, (long)(done / fraction)) : null);
        var left = expected is { } t && rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, t - done) / rate) : (TimeSpan?)null;
        progress.Report(new ImportProgress(jobId, phase, done, expected, rate, left));
    }
}
