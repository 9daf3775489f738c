using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Clientele.Features.Analytics;

/// <summary>
/// The analytics cache's generation, one row in the database: every write that makes the reports stale adds one to it
/// in its own transaction (<see cref="AnalyticsCommit"/>), so every app node of the database, the command line
/// included, sees the change once the write is visible, and a replica shows the new value only with the write's rows
/// (ADR 041).
/// </summary>
public sealed class AnalyticsGeneration
{
    public const int RowId = 1;

    public int Id { get; set; }
    public long Value { get; set; }

    // The names are fixed here, not left to conventions, because the two statements below are written by hand: they run
    // inside a committing transaction and on a replica's own connection, where EF has no query of its own to run.
    internal const string Bump = "UPDATE \"AnalyticsGeneration\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1";
    internal const string Read = "SELECT \"Value\" FROM \"AnalyticsGeneration\" WHERE \"Id\" = 1";

    /// <summary>The generation as the database behind <paramref name="connection"/> (open) has it now.</summary>
    public static async Task<long> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Read;
        command.Transaction = transaction;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, CultureInfo.InvariantCulture);
    }
}

public sealed class AnalyticsGenerationConfiguration : IEntityTypeConfiguration<AnalyticsGeneration>
{
    public void Configure(EntityTypeBuilder<AnalyticsGeneration> builder)
    {
        builder.ToTable("AnalyticsGeneration");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).HasColumnName("Id").ValueGeneratedNever();
        builder.Property(g => g.Value).HasColumnName("Value");
        builder.HasData(new AnalyticsGeneration { Id = AnalyticsGeneration.RowId, Value = 0 });
    }
}

/// <summary>
/// What this node knows of the shared generation: read from the primary at most every <see cref="Poll"/> (setting
/// <c>Clientele:Analytics:GenerationPollSeconds</c>, default 2 s), and at once after a write of this node's own
/// committed, so a node's own write never waits for the poll. One per host (no static state): two hosts in one process
/// learn of each other's writes only through the database, as two machines do.
/// </summary>
public sealed class SharedGeneration
{
    public const string PollSettingKey = "Clientele:Analytics:GenerationPollSeconds";
    public static readonly TimeSpan DefaultPoll = TimeSpan.FromSeconds(2);

    private readonly DatabaseTarget _target;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private long _known = -1;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;
    private volatile bool _wroteHere;

    public SharedGeneration(DatabaseTarget target, TimeProvider clock, IConfiguration? configuration)
    {
        _target = target;
        _clock = clock;
        Poll = double.TryParse(configuration?[PollSettingKey], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds) : DefaultPoll;
    }

    /// <summary>How stale another node's write may leave this node's reports: at most this long after its commit.</summary>
    public TimeSpan Poll { get; }

    /// <summary>A write of this node committed: the next look reads the database instead of trusting the last poll.</summary>
    public void WroteHere() => _wroteHere = true;

    public async ValueTask<long> CurrentAsync(CancellationToken ct)
    {
        if (Fresh()) return Interlocked.Read(ref _known);
        await _reading.WaitAsync(ct);
        try
        {
            if (Fresh()) return _known;
            // Cleared before the read: a write committing meanwhile either shows in this read or sets the flag again.
            _wroteHere = false;
            var at = _clock.GetUtcNow();
            await using var connection = _target.CreateConnection();
            await connection.OpenAsync(ct);
            Interlocked.Exchange(ref _known, await AnalyticsGeneration.ReadAsync(connection, null, ct));
            _readAt = at;
            return _known;
        }
        finally
        {
            _reading.Release();
        }
    }

    private bool Fresh() => !_wroteHere && _clock.GetUtcNow() - _readAt < Poll;
}
