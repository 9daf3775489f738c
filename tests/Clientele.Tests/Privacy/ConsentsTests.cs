using System.Net;
using System.Text.Json;
using Clientele.Data;
using Clientele.Features.Access;
using Clientele.Features.Audit;
using Clientele.Features.Identity;
using Clientele.Features.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Clientele.Tests.Privacy.PrivacyKit;

namespace Clientele.Tests.Privacy;

/// <summary>Consents per channel and purpose: give, withdraw, history, stored wordings, who may, bad input, and the "may we contact" query.</summary>
public abstract class ConsentsTests(AppFixture fixture) : ApiTest(fixture)
{
    private PrivacyKit Privacy => new(App);

    private static object Marketing(long? contactPersonId, string channel = "Email") =>
        new { contactPersonId, channel, purpose = "Marketing", source = "WebForm", text = "I agree to receive offers by e-mail." };

    private async Task<JsonElement> ConsentsAsync(long clientId) => await GetJsonAsync($"/api/v1/clients/{clientId}/consents");

    [Fact]
    public async Task A_consent_is_given_withdrawn_with_one_call_and_given_again_with_its_history_kept()
    {
        var client = Id(await CreateClientAsync(Unique("Consenting ")));
        var person = await Privacy.ContactAsync(client, Unique("Anna "), Phone(), Unique("anna") + "@mail.example");

        var given = await Privacy.GiveAsync(client, Marketing(person));
        Assert.True(given.GetProperty("isGranted").GetBoolean());
        Assert.Equal(("Email", "Marketing", "WebForm", App.OwnerId), (given.GetProperty("channel").GetString(), given.GetProperty("purpose").GetString(),
            given.GetProperty("source").GetString(), given.GetProperty("recordedById").GetInt64()));
        Assert.Equal("I agree to receive offers by e-mail.", given.GetProperty("text").GetString());
        // The contact person's older per-channel list follows, so the card and old mailings see the same state.
        var contact = await GetJsonAsync($"/api/v1/contact-persons/{person}");
        Assert.Contains(contact.GetProperty("consents").EnumerateArray(), c => c.GetProperty("channel").GetString() == "Email" && c.GetProperty("granted").GetBoolean());

        var withdrawn = await JsonAsync(await Http.PostAsync($"/api/v1/clients/{client}/consents/{Id(given)}/withdraw", Json(new { source = "Call" })));
        Assert.Equal("Call", withdrawn.GetProperty("withdrawalSource").GetString());
        Assert.False(withdrawn.GetProperty("isGranted").GetBoolean());
        var current = (await ConsentsAsync(client)).GetProperty("current").EnumerateArray().Single();
        Assert.Equal((Id(given), false), (Id(current), current.GetProperty("isGranted").GetBoolean()));
        contact = await GetJsonAsync($"/api/v1/contact-persons/{person}");
        Assert.Contains(contact.GetProperty("consents").EnumerateArray(), c => c.GetProperty("channel").GetString() == "Email" && !c.GetProperty("granted").GetBoolean());
        await AssertProblemAsync(await Http.PostAsync($"/api/v1/clients/{client}/consents/{Id(given)}/withdraw", null), HttpStatusCode.Conflict);

        var again = await Privacy.GiveAsync(client, Marketing(person));
        var sms = await Privacy.GiveAsync(client, Marketing(null, "Sms"));
        var list = await ConsentsAsync(client);
        Assert.Equal([Id(sms), Id(again), Id(given)], list.GetProperty("history").EnumerateArray().Select(Id));
        Assert.Equal([Id(sms), Id(again)], list.GetProperty("current").EnumerateArray().Select(Id));
        Assert.All(list.GetProperty("current").EnumerateArray(), c => Assert.True(c.GetProperty("isGranted").GetBoolean()));
    }

    [Fact]
    public async Task A_consent_can_refer_to_a_stored_wording_whose_versions_are_kept()
    {
        var code = Unique("newsletter-");
        var v1 = await JsonAsync(await PostAsync("/api/v1/privacy/consent-texts", new { code, language = "en", body = "Version one." }), HttpStatusCode.Created);
        var v2 = await JsonAsync(await PostAsync("/api/v1/privacy/consent-texts", new { code, language = "en", body = "Version two." }), HttpStatusCode.Created);
        Assert.Equal((1, 2), (v1.GetProperty("version").GetInt32(), v2.GetProperty("version").GetInt32()));
        var client = Id(await CreateClientAsync(Unique("Reader ")));

        var given = await Privacy.GiveAsync(client, new { channel = "Email", purpose = "Newsletters", source = "Paper", consentTextId = Id(v1), grantedAt = DateTime.UtcNow.AddDays(-3) });

        Assert.Equal((Id(v1), code, 1, "Version one."), (given.GetProperty("consentTextId").GetInt64(), given.GetProperty("consentTextCode").GetString(),
            given.GetProperty("consentTextVersion").GetInt32(), given.GetProperty("text").GetString()));
        Assert.True(DateTime.UtcNow - given.GetProperty("grantedAt").GetDateTime().ToUniversalTime() > TimeSpan.FromDays(2.9));
        var texts = await GetJsonAsync("/api/v1/privacy/consent-texts");
        Assert.Equal([2, 1], texts.EnumerateArray().Where(t => t.GetProperty("code").GetString() == code).Select(t => t.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task Bad_consent_input_is_400_naming_the_field_and_changes_nothing()
    {
        var client = Id(await CreateClientAsync(Unique("Careful ")));
        var other = Id(await CreateClientAsync(Unique("Other ")));
        var foreign = await Privacy.ContactAsync(other, Unique("Boris "), Phone(), Unique("b") + "@mail.example");
        var given = await Privacy.GiveAsync(client, Marketing(null));
        var before = await DbSnapshot.TakeAsync(App);
        var path = $"/api/v1/clients/{client}/consents";

        await AssertInvalidAsync(await Http.PostAsync(path, Json(new { purpose = "Marketing", source = "WebForm", text = "t" })), "channel");
        await AssertInvalidAsync(await Http.PostAsync(path, Json(new { channel = "Email", source = "WebForm", text = "t" })), "purpose");
        await AssertInvalidAsync(await Http.PostAsync(path, Json(new { channel = "Email", purpose = "Marketing", text = "t" })), "source");
        await AssertInvalidAsync(await Http.PostAsync(path, Json(new { channel = "Email", purpose = "Marketing", source = "WebForm" })), "text");
        await AssertInvalidAsync(await Http.PostAsync(path, Json(new { channel = "Email", purpose = "Marketing", source = "WebForm", text = "t", consentTextId = 1 })), "text");
        await AssertInvalidAsync(await Http.PostAsync(path, Json(new { channel = "Email", purpose = "Marketing", source = "WebForm", consentTextId = 987654 })), "consentTextId");
        await AssertInvalidAsync(await Http.PostAsync(path, Json(new { channel = "Email", purpose = "Marketing", source = "WebForm", text = "t", grantedAt = DateTime.UtcNow.AddDays(2) })), "grantedAt");
        await AssertInvalidAsync(await Http.PostAsync(path, Json(Marketing(foreign))), "contactPersonId");
        await AssertInvalidAsync(await Http.PostAsync($"{path}/{Id(given)}/withdraw", Json(new { source = 99 })), "source");
        Assert.Equal(HttpStatusCode.BadRequest, (await SendJsonAsync(HttpMethod.Post, path, """{"channel":"Pigeon","purpose":"Marketing","source":"WebForm","text":"t"}""")).StatusCode);
        await AssertProblemAsync(await Http.PostAsync("/api/v1/clients/987654/consents", Json(Marketing(null))), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.GetAsync("/api/v1/clients/987654/consents"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.PostAsync($"{path}/987654/withdraw", null), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.PostAsync($"/api/v1/clients/{other}/consents/{Id(given)}/withdraw", null), HttpStatusCode.NotFound);
        await AssertInvalidAsync(await PostAsync("/api/v1/privacy/consent-texts", new { code = "bad code!", language = "en", body = "x" }), "code");
        await AssertInvalidAsync(await PostAsync("/api/v1/privacy/consent-texts", new { code = "ok", language = "fr", body = "x" }), "language");

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task Marketers_read_consents_but_never_record_or_change_them_analysts_may_not_and_only_the_owner_stores_wordings()
    {
        var client = Id(await CreateClientAsync(Unique("Audience ")));
        var person = await Privacy.ContactAsync(client, Unique("Mia "), Phone(), Unique("mia") + "@mail.example");
        var marketerUser = await App.AddUserAsync(Unique("marketer") + "@clientele.test", EmployeeRole.Marketer, "Marketer tester");
        var marketer = App.ClientWithToken(await App.IssueTokenAsync(marketerUser.Id, "tests"));
        var analyst = await Privacy.CallerAsync(EmployeeRole.Analyst);
        // The person said yes by SMS and later no by e-mail.
        var sms = await Privacy.GiveAsync(client, Marketing(person, "Sms"));
        var refused = await Privacy.GiveAsync(client, Marketing(person));
        await JsonAsync(await Http.PostAsync($"/api/v1/clients/{client}/consents/{Id(refused)}/withdraw", Json(new { source = "Email" })));
        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync($"/api/v1/clients/{client}/consents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync("/api/v1/privacy/consent-texts")).StatusCode);
        var before = await DbSnapshot.TakeAsync(App);

        // The probe of issue 17: the marketer granted themselves the consent that unmasks the contact, over the refusal.
        await AssertProblemAsync(await marketer.PostAsync($"/api/v1/clients/{client}/consents", Json(Marketing(person))), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await marketer.PostAsync($"/api/v1/clients/{client}/consents", Json(Marketing(null, "Phone"))), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await marketer.PostAsync($"/api/v1/clients/{client}/consents/{Id(sms)}/withdraw", null), HttpStatusCode.Forbidden);
        Assert.Equal(0, (await JsonAsync(await marketer.GetAsync($"/api/v1/contact-persons/{person}"))).GetProperty("emails").GetArrayLength());
        // The card's form writes through the same writer, which refuses the marketer with a message in their language.
        await using (var scope = App.Services.CreateSystemScope())
        {
            scope.ServiceProvider.GetRequiredService<ClienteleDb>().Access = AccessScope.ForEmployee(marketerUser.Id, EmployeeRole.Marketer);
            var writer = scope.ServiceProvider.GetRequiredService<ConsentWriter>();
            var viaCard = await writer.GiveAsync(client, new GiveConsentInput(person, ContactChannel.Email, ConsentPurpose.Marketing, ConsentSource.WebForm, Text: "yes"), marketerUser.Id, default);
            Assert.Equal(PrivacyOutcome.Forbidden, viaCard.Kind);
            Assert.False(string.IsNullOrWhiteSpace(viaCard.Message));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/v1/clients/{client}/consents")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync($"/api/v1/clients/{client}/consents", Json(Marketing(null)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.PostAsync("/api/v1/privacy/consent-texts", Json(new { code = "x", language = "en", body = "x" }))).StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_refusal_is_changed_only_by_the_owner_stating_how_the_person_consented_again_and_each_change_names_who_and_how()
    {
        var managerUser = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, "Mara Manager");
        var manager = App.ClientWithToken(await App.IssueTokenAsync(managerUser.Id, "tests"));
        var client = Id(await CreateClientAsync(Unique("Refusing "), new { managerId = managerUser.Id }));
        var person = await Privacy.ContactAsync(client, Unique("Olga "), Phone(), Unique("olga") + "@mail.example");
        var path = $"/api/v1/clients/{client}/consents";

        // The client's manager received the consent and records it; later the person says no on the phone.
        var given = await Privacy.GiveAsync(client, Marketing(person), manager);
        Assert.Equal((managerUser.Id, "WebForm"), (given.GetProperty("recordedById").GetInt64(), given.GetProperty("source").GetString()));
        var withdrawn = await JsonAsync(await manager.PostAsync($"{path}/{Id(given)}/withdraw", Json(new { source = "Call" })));
        Assert.Equal((managerUser.Id, "Call"), (withdrawn.GetProperty("withdrawnById").GetInt64(), withdrawn.GetProperty("withdrawalSource").GetString()));
        var before = await DbSnapshot.TakeAsync(App);

        await AssertProblemAsync(await manager.PostAsync(path, Json(Marketing(person))), HttpStatusCode.Conflict);
        foreach (var unstated in new[] { "Other", "Import" })
            await AssertInvalidAsync(await Http.PostAsync(path, Json(new { contactPersonId = person, channel = "Email", purpose = "Marketing", source = unstated, text = "Yes again." })), "source");
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var again = await Privacy.GiveAsync(client, new { contactPersonId = person, channel = "Email", purpose = "Marketing", source = "Paper", text = "Signed form of 3 March." });
        Assert.Equal((App.OwnerId, "Paper"), (again.GetProperty("recordedById").GetInt64(), again.GetProperty("source").GetString()));
        // A "no" on the contact person's own per-channel list is a refusal too.
        var vera = Id(await JsonAsync(await Http.PostAsync("/api/v1/contact-persons", Json(new
        {
            clientId = client, name = "Vera", emails = new[] { Unique("vera") + "@mail.example" },
            consents = new[] { new { channel = "Email", granted = false, recordedAt = "2026-01-01T00:00:00Z", source = "call" } },
        })), HttpStatusCode.Created));
        await AssertProblemAsync(await manager.PostAsync(path, Json(Marketing(vera))), HttpStatusCode.Conflict);
        // Nor does the contact person's own list turn a "no" into a "yes" behind the rule's back.
        var yes = Json(new { consents = new[] { new { channel = "Email", granted = true, source = "call" } } });
        var beforePatch = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await manager.PatchAsync($"/api/v1/contact-persons/{vera}", yes), "consents[0].granted");
        await AssertInvalidAsync(await Http.PatchAsync($"/api/v1/contact-persons/{vera}", Json(new { consents = new[] { new { channel = "Email", granted = true } } })), "consents[0].source");
        Assert.Equal(beforePatch, await DbSnapshot.TakeAsync(App));

        // Each change is in the audit trail with who made it and how the person said so.
        long[] records = [Id(given), Id(again)];
        var audit = await App.ReadAsync(db => db.Set<AuditEntry>()
            .Where(e => e.Action == AuditAction.ConsentChanged && e.EntityId != null && records.Contains(e.EntityId.Value)).OrderBy(e => e.Id)
            .Select(e => new { e.EmployeeId, e.Detail }).ToListAsync());
        Assert.Equal([managerUser.Id, managerUser.Id, App.OwnerId], audit.Select(a => a.EmployeeId!.Value));
        Assert.Equal(["WebForm", "Call", "Paper"], audit.Select(a => new[] { "WebForm", "Call", "Paper" }.Single(s => a.Detail!.Contains(s))));
    }

    [Fact]
    public async Task The_contact_consent_predicate_finds_exactly_the_clients_whose_latest_consent_grants()
    {
        var granted = Id(await CreateClientAsync(Unique("Granted ")));
        var withdrawn = Id(await CreateClientAsync(Unique("Withdrawn ")));
        var regranted = Id(await CreateClientAsync(Unique("Regranted ")));
        var otherPurpose = Id(await CreateClientAsync(Unique("Service only ")));
        var none = Id(await CreateClientAsync(Unique("Silent ")));
        await Privacy.GiveAsync(granted, Marketing(null));
        var w = await Privacy.GiveAsync(withdrawn, Marketing(null));
        await Http.PostAsync($"/api/v1/clients/{withdrawn}/consents/{Id(w)}/withdraw", null);
        var r = await Privacy.GiveAsync(regranted, Marketing(null, "Phone"));
        await Http.PostAsync($"/api/v1/clients/{regranted}/consents/{Id(r)}/withdraw", null);
        await Privacy.GiveAsync(regranted, Marketing(null, "Phone"));
        await Privacy.GiveAsync(otherPurpose, new { channel = "Email", purpose = "ServiceMessages", source = "Call", text = "Invoices by e-mail." });
        long[] mine = [granted, withdrawn, regranted, otherPurpose, none];

        var (byPredicate, byIds, byEmail) = await App.ReadAsync(async db =>
        {
            var predicate = ConsentQueries.HasContactConsent(db.Set<PersonalDataConsent>());
            var ids = ConsentQueries.ClientsWithContactConsent(db.Set<PersonalDataConsent>());
            var email = ConsentQueries.HasContactConsent(db.Set<PersonalDataConsent>(), ConsentPurpose.Marketing, ContactChannel.Email);
            return (await db.Clients.Select(c => c.Id).Where(id => mine.Contains(id)).Where(predicate).OrderBy(id => id).ToListAsync(),
                await db.Clients.Where(c => mine.Contains(c.Id) && ids.Contains(c.Id)).Select(c => c.Id).OrderBy(id => id).ToListAsync(),
                await db.Clients.Select(c => c.Id).Where(id => mine.Contains(id)).Where(email).OrderBy(id => id).ToListAsync());
        });

        Assert.Equal([granted, regranted], byPredicate);
        Assert.Equal([granted, regranted], byIds);
        Assert.Equal([granted], byEmail);
    }
}

public sealed class ConsentsTestsOnSqlite(SqliteApp fixture) : ConsentsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-5")]
public sealed class ConsentsTestsOnPostgres(PostgresApp fixture) : ConsentsTests(fixture), IClassFixture<PostgresApp>;
