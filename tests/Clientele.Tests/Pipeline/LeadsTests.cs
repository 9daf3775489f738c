using System.Net;
using Clientele.Features.Audit;
using Clientele.Features.Pipeline;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Pipeline;

/// <summary>Leads through the API and the public web form, its refusals (nothing stored, each audited), and conversion to a client.</summary>
public abstract partial class LeadsTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<(long Id, string Path)> FormAsync()
    {
        var form = await JsonAsync(await PostAsync("/api/v1/lead-forms", new { name = Unique("Site form ") }), HttpStatusCode.Created);
        return (Id(form), form.GetProperty("path").GetString()!);
    }

    /// <summary>A post as the page would send it, stamped as served <paramref name="servedAgo"/> ago (the stamp is the test's hook on the clock).</summary>
    private async Task<HttpResponseMessage> SendFormAsync(long formId, string path, Dictionary<string, string> fields, TimeSpan servedAgo, string culture = "ru")
    {
        fields.TryAdd("stamp", PublicLeadForm.StampOf(App.Services, formId, DateTime.UtcNow - servedAgo));
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.AcceptLanguage.ParseAdd(culture);
        return await App.ClientWithToken(null).SendAsync(request);
    }

    private static Dictionary<string, string> Person(string name) => new() { ["name"] = name, ["phone"] = "+7 916 123-45-67", ["email"] = name.ToLowerInvariant() + "@example.ru", ["note"] = "Нужен станок" };

    private Task<int> LeadsOfFormAsync(long formId) => App.ReadAsync(db => db.Leads.CountAsync(l => l.FormId == formId));

    private Task<int> RefusalsOfFormAsync(long formId) =>
        App.ReadAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == AuditAction.PublicPostRefused && a.EntityId == formId));

    [Fact]
    public async Task The_public_form_is_served_without_sign_in_framable_and_in_the_visitors_language()
    {
        var (_, path) = await FormAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("de");
        var response = await App.ClientWithToken(null).SendAsync(request);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ihr Name", html);
        Assert.Contains("name=\"website\"", html);
        Assert.Contains("frame-ancestors *", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientWithToken(null).GetAsync("/f/" + new string('a', 43))).StatusCode);
    }

    [Fact]
    public async Task A_good_post_becomes_a_web_form_lead_with_its_phone_normalised()
    {
        var (formId, path) = await FormAsync();
        var name = Unique("Ivan");

        var response = await SendFormAsync(formId, path, Person(name), TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Спасибо", await response.Content.ReadAsStringAsync());
        var lead = await App.ReadAsync(db => db.Leads.AsNoTracking().SingleAsync(l => l.FormId == formId));
        Assert.Equal((name, "+79161234567", LeadSource.WebForm, LeadStatus.Open), (lead.Name, lead.Phone, lead.Source, lead.Status));
    }

    [Fact]
    public async Task Bad_posts_to_the_public_form_are_refused_clearly_audited_and_store_nothing()
    {
        // Two forms, so that no form gets more posts from this address than the rate limit lets through.
        var (fieldsForm, fieldsPath) = await FormAsync();
        var (stampForm, stampPath) = await FormAsync();
        var before = await DbSnapshot.TakeAsync(App);
        var cases = new (string What, long Form, string Path, Dictionary<string, string> Fields, TimeSpan Ago, string Says)[]
        {
            ("no name", fieldsForm, fieldsPath, new() { ["phone"] = "+79161234567" }, TimeSpan.FromSeconds(20), "Ваше имя: обязательное поле"),
            ("oversized note", fieldsForm, fieldsPath, new() { ["name"] = "Иван", ["phone"] = "+79161234567", ["note"] = new string('ж', 2001) }, TimeSpan.FromSeconds(20), "не длиннее 2000 символов"),
            ("honeypot", fieldsForm, fieldsPath, new(Person("Bot")) { ["website"] = "http://spam.example" }, TimeSpan.FromSeconds(20), "не может быть принята"),
            ("too fast", stampForm, stampPath, Person("Fast"), TimeSpan.Zero, "слишком быстро"),
            ("expired", stampForm, stampPath, Person("Late"), TimeSpan.FromHours(25), "устарела"),
            ("another form's stamp", stampForm, stampPath, new(Person("Forged")) { ["stamp"] = PublicLeadForm.StampOf(App.Services, fieldsForm, DateTime.UtcNow.AddMinutes(-1)) }, TimeSpan.Zero, "устарела"),
        };
        foreach (var (what, form, path, fields, ago, says) in cases)
        {
            var response = await SendFormAsync(form, path, fields, ago);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
            Assert.Contains(says, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal((3, 3), (await RefusalsOfFormAsync(fieldsForm), await RefusalsOfFormAsync(stampForm)));
    }

    [Fact]
    public async Task A_flood_from_one_address_is_cut_off_after_five_posts()
    {
        var (formId, path) = await FormAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < PublicFormGate.PerAddress + 2; i++)
            statuses.Add((await SendFormAsync(formId, path, Person(Unique("Flood")), TimeSpan.FromSeconds(30))).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, PublicFormGate.PerAddress), HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(PublicFormGate.PerAddress, await LeadsOfFormAsync(formId));
        Assert.Equal(2, await RefusalsOfFormAsync(formId));
    }

    [Fact]
    public async Task Converting_a_lead_makes_a_client_or_links_the_one_with_its_e_mail_or_phone()
    {
        var referrer = Id(await CreateClientAsync(Unique("Referrer ")));
        var fresh = await JsonAsync(await PostAsync("/api/v1/leads", new { name = "Olga", company = Unique("Orbita "), phone = "8 (916) 765-43-21", referrerClientId = referrer }), HttpStatusCode.Created);
        Assert.Equal("Referral", fresh.GetProperty("source").GetString());

        var made = await JsonAsync(await PostAsync($"/api/v1/leads/{Id(fresh)}/convert", new { }));
        Assert.False(made.GetProperty("linked").GetBoolean());
        var client = await GetJsonAsync($"/api/v1/clients/{made.GetProperty("clientId").GetInt64()}");
        Assert.Equal((fresh.GetProperty("company").GetString(), "+79167654321", referrer), (client.GetProperty("name").GetString(), client.GetProperty("phone").GetString(), client.GetProperty("referredById").GetInt64()));

        var email = Unique("known") + "@example.ru";
        var known = Id(await CreateClientAsync(Unique("Known "), new { email }));
        var again = await JsonAsync(await PostAsync("/api/v1/leads", new { name = "Known again", email = email.ToUpperInvariant() }), HttpStatusCode.Created);
        var linked = await JsonAsync(await PostAsync($"/api/v1/leads/{Id(again)}/convert", new { }));
        Assert.Equal((known, true), (linked.GetProperty("clientId").GetInt64(), linked.GetProperty("linked").GetBoolean()));

        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await PostAsync($"/api/v1/leads/{Id(again)}/convert", new { }), "status");
        await AssertInvalidAsync(await PostAsync("/api/v1/leads", new { name = "No contact" }), "phone");
        await AssertInvalidAsync(await PostAsync("/api/v1/leads", new { name = "Web", email = "a@b.ru", source = "WebForm" }), "source");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }
}

public sealed class LeadsTestsOnSqlite(SqliteApp fixture) : LeadsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-3")]
public sealed class LeadsTestsOnPostgres(PostgresApp fixture) : LeadsTests(fixture), IClassFixture<PostgresApp>;
