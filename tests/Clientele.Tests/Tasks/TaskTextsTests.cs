using System.Globalization;
using System.Text.Json;
using Clientele.Features.Lifetime;
using Clientele.Features.Tasks;
using Clientele.Infrastructure.Validation;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Tasks;

/// <summary>
/// Tasks the system writes are stored as kinds and read in the reader's language (issue 20): a task the night made under
/// a Russian run reads German for a German reader, in the API; a title someone typed reads as typed;
/// marking a system task done keeps its kind. On both providers.
/// </summary>
public abstract class TaskTextsTests(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task A_task_made_under_a_russian_run_reads_german_for_a_german_reader_and_stays_a_kind_when_done()
    {
        var client = Id(await CreateClientAsync(Unique("Risiko ")));
        var row = new ClientLifetime
        {
            ClientId = client, Reason = RiskReason.OverdueInterval, Action = SuggestedAction.CallPersonally,
            AliveProbability = 0.234, UsualIntervalDays = 20.6, DaysSinceLastPurchase = 63, Clv = 48_000.4m,
        };
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
        FollowUpTask made;
        try
        {
            made = AtRiskTask.Create(row, null, new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        var typed = new FollowUpTask { ClientId = client, Title = "Перезвонить Ивану", DueAt = made.DueAt };
        await App.ReadAsync(async db =>
        {
            db.Tasks.AddRange(made, typed);
            return await db.SaveChangesAsync();
        });

        var german = await TaskInAsync("de", made.Id);
        Assert.Equal("Kunde abwanderungsgefährdet: Den Schlüsselkunden persönlich anrufen", german.GetProperty("title").GetString());
        Assert.Equal("Viel länger still als im üblichen Abstand. P(aktiv) 23 %. 63 Tage seit dem letzten Kauf; sonst alle 21 Tage. CLV 48000.",
            german.GetProperty("details").GetString());
        var russian = await TaskInAsync("ru", made.Id);
        Assert.Equal("Клиент под угрозой ухода: Позвонить ключевому клиенту лично", russian.GetProperty("title").GetString());
        Assert.Equal("Перезвонить Ивану", (await TaskInAsync("de", typed.Id)).GetProperty("title").GetString());

        // Done through a merge patch: the stored kind is kept, not replaced by one reader's words.
        await JsonAsync(await SendJsonAsync(HttpMethod.Patch, $"/api/v1/tasks/{made.Id}", """{"done":true}""", contentType: "application/merge-patch+json"));
        var stored = await App.ReadAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == made.Id));
        Assert.True(stored.Done);
        Assert.Equal(made.Title, stored.Title);
        Assert.Equal("Client at risk: Call the key client personally", Assert.Single(Message.ParseAll(stored.Title)!).Render(CultureInfo.InvariantCulture));
    }

    private async Task<JsonElement> TaskInAsync(string culture, long id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/tasks/{id}");
        request.Headers.AcceptLanguage.ParseAdd(culture);
        return await JsonAsync(await Http.SendAsync(request));
    }
}

public sealed class TaskTextsTestsOnSqlite(SqliteApp fixture) : TaskTextsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class TaskTextsTestsOnPostgres(PostgresApp fixture) : TaskTextsTests(fixture), IClassFixture<PostgresApp>;
