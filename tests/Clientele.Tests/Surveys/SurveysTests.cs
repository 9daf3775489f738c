using System.Net;
using System.Net.Http.Json;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Features.Surveys;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Surveys;

/// <summary>
/// The three questions: asked during a call through the API, answered by the client through a personal link (one
/// answer, expiring, guarded as the public lead form), a referral becoming a lead of the client's, the results of the
/// reader's clients only, and bad input refused in the visitor's language with nothing stored.
/// </summary>
public abstract partial class SurveysTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<(long Id, string Path)> LinkAsync(long clientId)
    {
        var link = await JsonAsync(await PostAsync($"/api/v1/clients/{clientId}/survey-links", new { }), HttpStatusCode.Created);
        return (Id(link), link.GetProperty("path").GetString()!);
    }

    /// <summary>A post as the page would send it, stamped as served <paramref name="servedAgo"/> ago (the stamp is the test's hook on the clock).</summary>
    private async Task<HttpResponseMessage> SendAsync(long linkId, string path, Dictionary<string, string> fields, TimeSpan servedAgo, string culture = "ru")
    {
        fields.TryAdd("stamp", PublicSurvey.StampOf(App.Services, linkId, DateTime.UtcNow - servedAgo));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.AcceptLanguage.ParseAdd(culture);
        return await App.ClientWithToken(null).SendAsync(request);
    }

    private static readonly TimeSpan Thoughtful = TimeSpan.FromSeconds(40);

    private Task<int> RefusalsOfLinkAsync(long linkId) =>
        App.ReadAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == AuditAction.PublicPostRefused && a.Entity == nameof(SurveyLink) && a.EntityId == linkId));

    [Fact]
    public async Task An_answer_taken_during_a_call_is_on_the_timeline_and_its_referral_is_a_lead_of_the_client()
    {
        var client = Id(await CreateClientAsync(Unique("Asked ")));
        var stageBefore = await StageAsync(client);

        var answer = await JsonAsync(await PostAsync("/api/v1/surveys", new
        {
            clientId = client, satisfaction = 7, missing = "Faster delivery", productWish = "Spare parts kit",
            referralName = "Pyotr Referred", referralPhone = "8 (916) 111-22-33",
        }), HttpStatusCode.Created);

        Assert.Equal((7, "Faster delivery", "Call"), (answer.GetProperty("satisfaction").GetInt32(), answer.GetProperty("missing").GetString(), answer.GetProperty("channel").GetString()));
        var lead = await GetJsonAsync($"/api/v1/leads/{answer.GetProperty("referralLeadId").GetInt64()}");
        Assert.Equal(("Pyotr Referred", "+79161112233", "Referral", client),
            (lead.GetProperty("name").GetString(), lead.GetProperty("phone").GetString(), lead.GetProperty("source").GetString(), lead.GetProperty("referrerClientId").GetInt64()));
        var interaction = Assert.Single((await GetJsonAsync($"/api/v1/interactions?clientId={client}")).GetProperty("items").EnumerateArray());
        Assert.Equal((7, "survey", App.OwnerId), (interaction.GetProperty("score").GetInt32(), interaction.GetProperty("source").GetString(), interaction.GetProperty("employeeId").GetInt64()));
        // Through the refresh path: a touch moves the client up the loyalty ladder.
        Assert.NotEqual(stageBefore, await StageAsync(client));

        var perfect = await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = client, satisfaction = 10, missing = "nothing" }), HttpStatusCode.Created);
        Assert.Equal(JsonValueKindNull, perfect.GetProperty("missing").ValueKind);
    }

    private Task<Clientele.Analytics.Loyalty.LoyaltyStage?> StageAsync(long client) =>
        App.ReadAsync(db => db.Set<Clientele.Features.Loyalty.ClientLoyalty>().Where(l => l.ClientId == client).Select(l => (Clientele.Analytics.Loyalty.LoyaltyStage?)l.Stage).SingleOrDefaultAsync());

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Results_give_a_manager_the_average_and_nps_of_their_own_clients_answers()
    {
        var manager = await App.AddUserAsync(Unique("surveys") + "@clientele.test", EmployeeRole.Manager, "Survey Manager");
        var asManager = App.ClientWithToken(await App.IssueTokenAsync(manager.Id, "surveys"));
        var mine = Id(await CreateClientAsync(Unique("Mine "), new { managerId = manager.Id }));
        var foreign = Id(await CreateClientAsync(Unique("Foreign ")));
        foreach (var (score, missing, wish) in new[] { (10, (string?)null, "Training"), (9, null, (string?)null), (7, "Cheaper shipping", null), (3, "Broken on arrival", "Better packaging") })
            await JsonAsync(await asManager.PostAsJsonAsync("/api/v1/surveys", new { clientId = mine, satisfaction = score, missing, productWish = wish }), HttpStatusCode.Created);
        var foreignAnswer = Id(await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = foreign, satisfaction = 0, missing = "Everything" }), HttpStatusCode.Created));

        var results = await JsonAsync(await asManager.GetAsync("/api/v1/surveys/results"));

        // 10, 9, 7, 3: average 7.25; promoters 2, passives 1, detractors 1; NPS (2 − 1) / 4 = 25 %.
        Assert.Equal((4, 7.25m, 2, 1, 1, 25.0m),
            (results.GetProperty("answers").GetInt32(), results.GetProperty("averageSatisfaction").GetDecimal(), results.GetProperty("promoters").GetInt32(),
             results.GetProperty("passives").GetInt32(), results.GetProperty("detractors").GetInt32(), results.GetProperty("nps").GetDecimal()));
        Assert.Equal(["Broken on arrival", "Cheaper shipping"], results.GetProperty("missing").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).Order());
        Assert.Equal(["Better packaging", "Training"], results.GetProperty("wishes").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await asManager.GetAsync($"/api/v1/surveys/{foreignAnswer}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await asManager.PostAsJsonAsync($"/api/v1/clients/{foreign}/survey-links", new { })).StatusCode);
        Assert.Contains("Everything", (await GetJsonAsync("/api/v1/surveys/results")).GetProperty("missing").ToString());
        var empty = await JsonAsync(await asManager.GetAsync("/api/v1/surveys/results?from=2001-01-01&to=2001-12-31"));
        Assert.Equal((0, System.Text.Json.JsonValueKind.Null), (empty.GetProperty("answers").GetInt32(), empty.GetProperty("nps").ValueKind));
    }

    [Fact]
    public async Task The_personal_link_takes_one_answer_in_the_clients_language_and_its_referral_becomes_a_lead()
    {
        var client = Id(await CreateClientAsync(Unique("Linked ")));
        var (linkId, path) = await LinkAsync(client);
        var page = new HttpRequestMessage(HttpMethod.Get, path);
        page.Headers.AcceptLanguage.ParseAdd("de");
        var shown = await App.ClientWithToken(null).SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("Wie zufrieden sind Sie mit uns", await shown.Content.ReadAsStringAsync());

        var answered = await SendAsync(linkId, path, new() { ["satisfaction"] = "9", ["productWish"] = "Онлайн-оплата", ["referralName"] = "Anna Friend", ["referralEmail"] = "Anna@Friend.example" }, Thoughtful);

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Спасибо за ваши ответы", await answered.Content.ReadAsStringAsync());
        var answer = await App.ReadAsync(db => db.SurveyAnswers.AsNoTracking().SingleAsync(a => a.ClientId == client));
        Assert.Equal((9, SurveyChannel.Link, (long?)null), (answer.Satisfaction, answer.Channel, answer.EmployeeId));
        var lead = await App.ReadAsync(db => db.Leads.AsNoTracking().SingleAsync(l => l.Id == answer.ReferralLeadId));
        Assert.Equal(("anna@friend.example", client), (lead.Email, lead.ReferrerClientId));

        var before = await DbSnapshot.TakeAsync(App);
        var again = await SendAsync(linkId, path, new() { ["satisfaction"] = "2" }, Thoughtful);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("уже ответили", await again.Content.ReadAsStringAsync());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal(1, await RefusalsOfLinkAsync(linkId));
    }

    [Fact]
    public async Task Bad_posts_to_the_survey_link_are_refused_in_the_visitors_language_audited_and_store_nothing()
    {
        var client = Id(await CreateClientAsync(Unique("Refused ")));
        var (fieldsLink, fieldsPath) = await LinkAsync(client);
        var (stampLink, stampPath) = await LinkAsync(client);
        var (expiredLink, expiredPath) = await LinkAsync(client);
        await App.ReadAsync(db => db.SurveyLinks.Where(l => l.Id == expiredLink).ExecuteUpdateAsync(u => u.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var before = await DbSnapshot.TakeAsync(App);
        var cases = new (string What, long Link, string Path, Dictionary<string, string> Fields, TimeSpan Ago, HttpStatusCode Status, string Says)[]
        {
            ("no score", fieldsLink, fieldsPath, new() { ["missing"] = "?" }, Thoughtful, HttpStatusCode.BadRequest, "от 0 до 10?: обязательное поле"),
            ("score 11", fieldsLink, fieldsPath, new() { ["satisfaction"] = "11" }, Thoughtful, HttpStatusCode.BadRequest, "целым числом от 0 до 10"),
            ("oversized", fieldsLink, fieldsPath, new() { ["satisfaction"] = "5", ["missing"] = new string('ж', 2001) }, Thoughtful, HttpStatusCode.BadRequest, "не длиннее 2000 символов"),
            ("referral without contact", fieldsLink, fieldsPath, new() { ["satisfaction"] = "8", ["referralName"] = "Nobody" }, Thoughtful, HttpStatusCode.BadRequest, "телефон или e-mail"),
            ("honeypot", fieldsLink, fieldsPath, new() { ["satisfaction"] = "8", ["website"] = "http://spam.example" }, Thoughtful, HttpStatusCode.BadRequest, "не может быть принята"),
            ("flood", fieldsLink, fieldsPath, new() { ["satisfaction"] = "8" }, Thoughtful, HttpStatusCode.TooManyRequests, "Слишком много"),
            ("too fast", stampLink, stampPath, new() { ["satisfaction"] = "8" }, TimeSpan.Zero, HttpStatusCode.BadRequest, "слишком быстро"),
            ("another link's stamp", stampLink, stampPath, new() { ["satisfaction"] = "8", ["stamp"] = PublicSurvey.StampOf(App.Services, fieldsLink, DateTime.UtcNow.AddMinutes(-1)) }, TimeSpan.Zero, HttpStatusCode.BadRequest, "устарела"),
            ("expired", expiredLink, expiredPath, new() { ["satisfaction"] = "8" }, Thoughtful, HttpStatusCode.Gone, "истёк"),
        };
        foreach (var (what, link, path, fields, ago, status, says) in cases)
        {
            var response = await SendAsync(link, path, fields, ago);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode}");
            Assert.True(body.Contains(says, StringComparison.OrdinalIgnoreCase), $"{what}: {body}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientWithToken(null).PostAsync("/s/" + new string('a', 43), new FormUrlEncodedContent([]))).StatusCode);

        // The API refuses the same answers with the field named.
        await AssertInvalidAsync(await PostAsync("/api/v1/surveys", new { clientId = client }), "satisfaction");
        await AssertInvalidAsync(await PostAsync("/api/v1/surveys", new { clientId = client, satisfaction = 5, productWish = new string('x', 2001) }), "productWish");
        await AssertInvalidAsync(await PostAsync("/api/v1/surveys", new { clientId = client, satisfaction = 5, referralName = "Nobody" }), "referralPhone");
        await AssertInvalidAsync(await PostAsync("/api/v1/surveys", new { clientId = 999_999_999, satisfaction = 5 }), "clientId");

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal((6, 2, 1), (await RefusalsOfLinkAsync(fieldsLink), await RefusalsOfLinkAsync(stampLink), await RefusalsOfLinkAsync(expiredLink)));
    }
}

public sealed class SurveysTestsOnSqlite(SqliteApp fixture) : SurveysTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-2")]
public sealed class SurveysTestsOnPostgres(PostgresApp fixture) : SurveysTests(fixture), IClassFixture<PostgresApp>;
