using System.Net;
using System.Net.Http.Json;
using Clientele.Features.Identity;
using Clientele.Features.Imports;
using Clientele.Features.Imports.Mapping;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Imports.Mapping;

/// <summary>/api/v1/import-presets: built-ins listed, a preset saved, read, used by an import's mapping, deleted. SQLite only: plain CRUD.</summary>
public sealed class PresetsApiTests(SqliteApp fixture) : ApiTest(fixture), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_preset_is_saved_listed_used_and_deleted_and_bad_ones_change_nothing()
    {
        var all = await GetJsonAsync("/api/v1/import-presets");
        var names = all.EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("bitrix24-companies", names);
        Assert.Contains("amocrm-deals", names);
        var purchases = await GetJsonAsync("/api/v1/import-presets?kind=purchases");
        Assert.All(purchases.EnumerateArray(), p => Assert.Equal("purchases", p.GetProperty("kind").GetString()));

        var name = Unique("1C clients ");
        var saved = await JsonAsync(await PostAsync("/api/v1/import-presets",
            new { name, kind = "clients", map = new Dictionary<string, string> { ["Контрагент"] = "name", ["Телефон"] = "Телефон", ["ИНН"] = "tax_id" } }),
            HttpStatusCode.Created);
        Assert.Equal("phone", saved.GetProperty("map").GetProperty("Телефон").GetString());
        var read = await GetJsonAsync($"/api/v1/import-presets/{Uri.EscapeDataString(name)}?kind=clients");
        Assert.False(read.GetProperty("builtIn").GetBoolean());
        Assert.Equal("tax_id", read.GetProperty("map").GetProperty("ИНН").GetString());
        Assert.Contains(name, (await GetJsonAsync("/api/v1/import-presets?kind=clients")).EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        // The import's mapping takes the preset by name; columns the preset lists but the file lacks are simply absent.
        var map = await App.ReadAsync(db => ImportMapping.ResolveAsync(db, new ImportOptions(ImportKind.Clients, Preset: name), ["ИНН", "Контрагент", "Прочее"], default));
        Assert.Equal("tax_id, name, -", AutoMappingTests.L(map.Fields));
        var unknown = await Assert.ThrowsAsync<ImportMappingException>(() =>
            App.ReadAsync(db => ImportMapping.ResolveAsync(db, new ImportOptions(ImportKind.Clients, Preset: "nope"), ["ИНН"], default)));
        Assert.Contains("bitrix24-companies", unknown.Message);
        Assert.Contains(name, unknown.Message);

        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await PostAsync("/api/v1/import-presets", new { name, kind = "clients", map = new Dictionary<string, string> { ["X"] = "fone" } }), "map");
        await AssertInvalidAsync(await PostAsync("/api/v1/import-presets", new { name = new string('x', 101), kind = "clients", map = new Dictionary<string, string> { ["X"] = "name" } }), "name");
        await AssertInvalidAsync(await PostAsync("/api/v1/import-presets", new { name = "", kind = "clients", map = new Dictionary<string, string>() }), "map");
        await AssertInvalidAsync(await PostAsync("/api/v1/import-presets", new { name = "bitrix24-deals", kind = "purchases", map = new Dictionary<string, string> { ["X"] = "date" } }), "name");
        await AssertInvalidAsync(await PostAsync("/api/v1/import-presets", new { name, kind = "contracts", map = new Dictionary<string, string> { ["X"] = "name" } }), "kind");
        await AssertProblemAsync(await Http.DeleteAsync("/api/v1/import-presets/bitrix24-companies?kind=clients"), HttpStatusCode.Conflict);
        await AssertProblemAsync(await Http.DeleteAsync("/api/v1/import-presets/nope?kind=clients"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await Http.GetAsync("/api/v1/import-presets/nope?kind=clients"), HttpStatusCode.NotFound);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        // Saving under the same name replaces the map.
        await JsonAsync(await PostAsync("/api/v1/import-presets", new { name, kind = "clients", map = new Dictionary<string, string> { ["Firma"] = "name" } }), HttpStatusCode.Created);
        Assert.Equal("name", (await GetJsonAsync($"/api/v1/import-presets/{Uri.EscapeDataString(name)}")).GetProperty("map").GetProperty("Firma").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync($"/api/v1/import-presets/{Uri.EscapeDataString(name)}?kind=clients")).StatusCode);
        await AssertProblemAsync(await Http.GetAsync($"/api/v1/import-presets/{Uri.EscapeDataString(name)}?kind=clients"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Managers_keep_presets_and_other_roles_may_not_touch_them()
    {
        var manager = await App.AddUserAsync(Unique("m") + "@clientele.test", EmployeeRole.Manager, "Max Manager");
        var asManager = App.ClientWithToken(await App.IssueTokenAsync(manager.Id, "t"));
        Assert.Equal(HttpStatusCode.Created, (await asManager.PostAsJsonAsync("/api/v1/import-presets",
            new { name = Unique("mine "), kind = "purchases", map = new Dictionary<string, string> { ["Datum"] = "date" } })).StatusCode);
        var analyst = await App.AddUserAsync(Unique("a") + "@clientele.test", EmployeeRole.Analyst, "Ann Analyst");
        var asAnalyst = App.ClientWithToken(await App.IssueTokenAsync(analyst.Id, "t"));
        Assert.Equal(HttpStatusCode.Forbidden, (await asAnalyst.GetAsync("/api/v1/import-presets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asAnalyst.PostAsJsonAsync("/api/v1/import-presets",
            new { name = "x", kind = "clients", map = new Dictionary<string, string> { ["A"] = "name" } })).StatusCode);
    }
}
