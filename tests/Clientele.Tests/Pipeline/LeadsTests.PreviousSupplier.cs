using System.Net;
using System.Net.Http.Json;
using Clientele.Features.LostClients;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Pipeline;

/// <summary>ADR 048: the person converting a lead names the new client's previous supplier with the client resource's own rules.</summary>
public abstract partial class LeadsTests
{
    private Task<long?> SupplierOfAsync(long clientId) =>
        App.ReadAsync(db => db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.PreviousSupplierId).SingleAsync());

    [Fact]
    public async Task Converting_a_lead_names_the_previous_supplier_found_ignoring_case_or_added_and_a_refused_one_converts_nothing()
    {
        var rivalName = Unique("Rival ");
        var holder = Id(await CreateClientAsync(Unique("Holder "), new { previousSupplierName = rivalName }));
        var rival = (await SupplierOfAsync(holder))!.Value;
        async Task<long> LeadAsync(string name) =>
            Id(await JsonAsync(await PostAsync("/api/v1/leads", new { name, email = Unique("lead").ToLowerInvariant() + "@example.ru" }), HttpStatusCode.Created));

        // By name, in other letters: the same competitor, no second one.
        var byName = await JsonAsync(await PostAsync($"/api/v1/leads/{await LeadAsync("Anna")}/convert", new { previousSupplierName = rivalName.ToUpperInvariant() }));
        Assert.Equal(rival, await SupplierOfAsync(byName.GetProperty("clientId").GetInt64()));
        // A new name: added to the register in the conversion's transaction; by id: that one.
        var newName = Unique("Newcomer ");
        var added = await JsonAsync(await PostAsync($"/api/v1/leads/{await LeadAsync("Boris")}/convert", new { previousSupplierName = newName }));
        var addedId = await SupplierOfAsync(added.GetProperty("clientId").GetInt64());
        Assert.Equal(newName, await App.ReadAsync(db => db.Set<Competitor>().Where(c => c.Id == addedId).Select(c => c.Name).SingleAsync()));
        var byId = await JsonAsync(await PostAsync($"/api/v1/leads/{await LeadAsync("Vera")}/convert", new { previousSupplierId = rival }));
        Assert.Equal(rival, await SupplierOfAsync(byId.GetProperty("clientId").GetInt64()));
        // A lead that is an existing client names that client's previous supplier.
        var email = Unique("existing").ToLowerInvariant() + "@example.ru";
        var existing = Id(await CreateClientAsync(Unique("Existing "), new { email }));
        var again = Id(await JsonAsync(await PostAsync("/api/v1/leads", new { name = "Existing again", email }), HttpStatusCode.Created));
        var linked = await JsonAsync(await PostAsync($"/api/v1/leads/{again}/convert", new { previousSupplierId = rival }));
        Assert.Equal((existing, true, (long?)rival), (linked.GetProperty("clientId").GetInt64(), linked.GetProperty("linked").GetBoolean(), await SupplierOfAsync(existing)));

        // Refused, naming the field, in the reader's language; the lead stays open and nothing is written.
        var open = await LeadAsync("Galina");
        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await PostAsync($"/api/v1/leads/{open}/convert", new { previousSupplierId = 999_999_999L }), "previousSupplierId");
        await AssertInvalidAsync(await PostAsync($"/api/v1/leads/{open}/convert", new { previousSupplierName = new string('x', 201) }), "previousSupplierName");
        await AssertInvalidAsync(await PostAsync($"/api/v1/leads/{open}/convert", new { previousSupplierId = rival, previousSupplierName = "Other" }), "previousSupplierId");
        using (var russian = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/leads/{open}/convert") { Content = JsonContent.Create(new { previousSupplierId = 999_999_999L }) })
        {
            russian.Headers.AcceptLanguage.ParseAdd("ru");
            var problem = await AssertInvalidAsync(await Http.SendAsync(russian), "previousSupplierId");
            Assert.Matches("[а-я]", problem.GetProperty("errors").GetProperty("previousSupplierId")[0].GetString());
        }
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }
}
