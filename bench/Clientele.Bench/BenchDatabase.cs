using System.Security.Cryptography;
using Clientele.Data;
using Clientele.Features.Identity;
using Clientele.Infrastructure.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Bench;

/// <summary>A benchmark database: the app's schema and seed rows, plus the managers clients are spread over.</summary>
public sealed record BenchDatabase(string Path, IReadOnlyList<long> ManagerIds, IReadOnlyList<long> ChannelIds)
{
    private const string ManagerDomain = "bench.clientele";

    private static readonly string[] ManagerNames =
    [
        "Анна Петрова", "Игорь Смирнов", "Katrin Weber", "Олег Волков", "Jonas Becker", "Мария Орлова", "Дмитрий Козлов",
        "Sabine Fischer", "Елена Соколова", "Павел Морозов", "Lukas Wagner", "Ирина Новикова", "Сергей Лебедев", "Petra Schulz",
    ];

    /// <summary>
    /// Unpooled: the fill sets a 1 GB page cache on its connection, and a pooled connection would hand that cache
    /// on to the raw re-runs and make them look faster than the app's connections (default cache) are.
    /// </summary>
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    /// <summary>A new file with the real migrations applied and managers added the way <c>users add</c> adds them.</summary>
    public static async Task<BenchDatabase> CreateAsync(string path, int managers)
    {
        Delete(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var (ids, channels) = await MigrateAsync(DatabaseTarget.Parse("sqlite:" + path), managers);
        return new BenchDatabase(path, ids, channels);
    }

    /// <summary>Applies the migrations to an empty database and adds the managers; returns their ids and the channels'.</summary>
    public static async Task<(List<long> Managers, List<long> Channels)> MigrateAsync(DatabaseTarget target, int managers)
    {
        await using var services = CommandServices.Open(target);
        await Migrator.MigrateAsync(services.Db);
        var ids = new List<long>();
        for (var i = 0; i < managers; i++)
        {
            var name = ManagerNames[i % ManagerNames.Length] + (i >= ManagerNames.Length ? $" {i / ManagerNames.Length + 1}" : "");
            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            var employee = await UserAdmin.AddAsync(services.Users, $"manager{i + 1}@{ManagerDomain}", EmployeeRole.Manager, name, password, TimeProvider.System);
            ids.Add(employee.Id);
        }
        var channels = await services.Db.AcquisitionChannels.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        return (ids, channels);
    }

    /// <summary>An existing benchmark database (for <c>--reuse</c>).</summary>
    public static async Task<BenchDatabase> OpenAsync(string path)
    {
        if (!File.Exists(path)) throw new ArgumentException($"{path} does not exist.");
        await using var services = CommandServices.Open(DatabaseTarget.Parse("sqlite:" + path));
        // A base filled by an older build is brought to this build's schema first: the app reads columns added since.
        await Migrator.MigrateAsync(services.Db);
        // The reads bench adds an owner of the same domain per run: the managers are those with the manager's role.
        var managers = await services.Db.Users.Where(u => u.Email!.EndsWith("@" + ManagerDomain) && u.Role == EmployeeRole.Manager)
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync();
        var channels = await services.Db.AcquisitionChannels.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        return new BenchDatabase(path, managers, channels);
    }

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            if (File.Exists(file)) File.Delete(file);
    }

    public long FileBytes => new FileInfo(Path).Length + (File.Exists(Path + "-wal") ? new FileInfo(Path + "-wal").Length : 0);

    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString(Path));
        connection.Open();
        return connection;
    }
}
