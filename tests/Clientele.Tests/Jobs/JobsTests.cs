using System.Net;
using Clientele.Features.Lifetime;
using Clientele.Infrastructure.Jobs;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Jobs;

/// <summary>
/// The background jobs on a base whose one purchase gives the lifetime models nothing to learn from (no repeat
/// purchase): a failed run is recorded and shown, the application goes on; plus access, unknown jobs and the refresh
/// settings. (A base with no purchase at all has nothing to fit: see <see cref="JobsCommandTests"/>.)
/// </summary>
public abstract class JobsTests(AppFixture fixture) : ApiTest(fixture)
{
    private const string SettingsPath = "/api/v1/analytics/churn-risk/settings";

    [Fact]
    public async Task A_refresh_on_a_base_too_small_to_fit_is_recorded_as_failed_and_the_app_goes_on()
    {
        var client = (await CreateClientAsync(Unique("Only buyer "))).GetProperty("id").GetInt64();
        var date = DateTime.UtcNow.Date.AddDays(-30).AddHours(10).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await JsonAsync(await PostAsync("/api/v1/purchases", new { clientId = client, date, currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price = 100m } } }),
            HttpStatusCode.Created);

        var run = await JsonAsync(await Http.PostAsync("/api/v1/jobs/lifetime-refresh/run", null));

        Assert.Equal("Failed", run.GetProperty("status").GetString());
        Assert.Contains("BG/NBD", run.GetProperty("error").GetString());
        Assert.Equal(JsonValueKindNull, run.GetProperty("note").ValueKind);
        Assert.NotEqual(JsonValueKindNull, run.GetProperty("finishedAt").ValueKind);
        var stored = await App.ReadAsync(db => db.Set<JobRun>().AsNoTracking().SingleAsync(r => r.Id == run.GetProperty("id").GetInt64()));
        Assert.Equal((JobStatus.Failed, "lifetime-refresh", JobTrigger.OnDemand), (stored.Status, stored.Name, stored.Trigger));
        Assert.NotNull(stored.FinishedAt);
        var fit = (await GetJsonAsync("/api/v1/analytics/clv")).GetProperty("fit");
        Assert.False(string.IsNullOrWhiteSpace(fit.GetProperty("error").GetString()));
        Assert.Equal(JsonValueKindNull, fit.GetProperty("r").ValueKind);

        var jobs = await GetJsonAsync("/api/v1/jobs");
        var job = jobs.EnumerateArray().Single(j => j.GetProperty("name").GetString() == "lifetime-refresh");
        Assert.Equal("Failed", job.GetProperty("lastRun").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/v1/clients")).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Only_the_owner_runs_jobs_and_an_unknown_job_is_404()
    {
        var manager = await ManagerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync("/api/v1/jobs/lifetime-refresh/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/jobs")).StatusCode);
        await AssertProblemAsync(await Http.PostAsync("/api/v1/jobs/no-such-job/run", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public void The_schedule_is_due_at_the_hour_once_a_day_and_after_a_long_gap()
    {
        var now = new DateTime(2026, 11, 25, 3, 30, 0, DateTimeKind.Utc);
        Assert.True(JobScheduler.IsDue(null, now, 3));
        Assert.True(JobScheduler.IsDue(now.AddHours(-20), now, 3));
        Assert.False(JobScheduler.IsDue(now.AddMinutes(-20), now, 3));
        Assert.False(JobScheduler.IsDue(now.AddHours(-20), now.AddHours(-1), 3));
        Assert.True(JobScheduler.IsDue(now.AddDays(-2), now.AddHours(-1), 3));
    }

    [Fact]
    public async Task Settings_are_validated_field_by_field_and_bad_input_changes_nothing()
    {
        var good = new { aliveThreshold = 0.4, intervalFactor = 2.5, horizonMonths = 24, annualDiscountRate = 0.12, period = "Day", jobHourUtc = 4, taskClasses = new[] { "B", "A" }, lostThreshold = 0.05, minSilenceDays = 21 };
        var saved = await JsonAsync(await SendAsync(HttpMethod.Put, SettingsPath, good));
        Assert.Equal(["A", "B"], saved.GetProperty("taskClasses").EnumerateArray().Select(c => c.GetString()));
        var before = await App.ReadAsync(db => db.Set<LifetimeSettings>().AsNoTracking().SingleAsync());
        Assert.Equal((0.4, 2.5, 24, 0.12, 4, "A,B"), (before.AliveThreshold, before.IntervalFactor, before.HorizonMonths, before.AnnualDiscountRate, before.JobHourUtc, before.TaskClasses));
        Assert.Equal((0.05, 21), (before.LostThreshold, before.MinSilenceDays));

        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, SettingsPath, good with { aliveThreshold = 1.5 }), "aliveThreshold");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, SettingsPath, good with { intervalFactor = 0.5 }), "intervalFactor");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, SettingsPath, good with { lostThreshold = 0.4 }), "lostThreshold");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, SettingsPath, good with { minSilenceDays = -1 }), "minSilenceDays");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, SettingsPath, good with { horizonMonths = 0 }), "horizonMonths");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, SettingsPath, good with { annualDiscountRate = -0.1 }), "annualDiscountRate");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, SettingsPath, good with { jobHourUtc = 24 }), "jobHourUtc");
        await AssertInvalidAsync(await SendAsync(HttpMethod.Put, SettingsPath, good with { taskClasses = new[] { "A", "D" } }), "taskClasses");
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Put, SettingsPath, """{"aliveThreshold":0.5}"""), "period");
        var manager = await ManagerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(manager, HttpMethod.Put, SettingsPath, System.Text.Json.JsonSerializer.Serialize(good with { jobHourUtc = 5 }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(SettingsPath)).StatusCode);

        var after = await App.ReadAsync(db => db.Set<LifetimeSettings>().AsNoTracking().SingleAsync());
        Assert.Equal((before.Version, before.AliveThreshold, before.JobHourUtc, before.TaskClasses, before.LostThreshold, before.MinSilenceDays),
            (after.Version, after.AliveThreshold, after.JobHourUtc, after.TaskClasses, after.LostThreshold, after.MinSilenceDays));
        Assert.Equal(4, (await GetJsonAsync("/api/v1/jobs")).EnumerateArray().Single(j => j.GetProperty("name").GetString() == "lifetime-refresh").GetProperty("hourUtc").GetInt32());
    }
}

public sealed class JobsTestsOnSqlite(SqliteApp fixture) : JobsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class JobsTestsOnPostgres(PostgresApp fixture) : JobsTests(fixture), IClassFixture<PostgresApp>;
