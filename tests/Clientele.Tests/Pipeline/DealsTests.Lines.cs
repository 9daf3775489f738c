using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Pipeline;

/// <summary>
/// ADR 048: a deal's intermediary on the list and in the file, named only to whom sees it (ADR 044's rule), and filtering
/// them; a deal's products, whose sum is its value unless one was typed, with their refusals leaving the database as it was.
/// </summary>
public abstract partial class DealsTests
{
    private static List<long> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(Id)];

    [Fact]
    public async Task A_deals_intermediary_is_named_only_to_whom_sees_it_and_filters_the_list_and_the_file()
    {
        var (meId, mine) = await NewManagerAsync();
        var (_, theirs) = await NewManagerAsync();
        var myDealerName = Unique("My dealer ");
        var theirDealerName = Unique("Their dealer ");
        var myDealer = Id(await CreateClientAsync(mine, myDealerName, new { role = "Dealer" }));
        var theirDealer = Id(await CreateClientAsync(theirs, theirDealerName, new { role = "Dealer" }));
        // The owner serves the manager's client through a colleague's dealer; its deals take that dealer by default.
        var client = Id(await CreateClientAsync(Unique("Served "), new { managerId = meId, servedThroughId = theirDealer }));
        var viaHidden = Id(await DealAsync(mine, new { clientId = client, title = "Via theirs", value = 10m, currency = "RUB" }));
        var viaMine = Id(await DealAsync(mine, new { clientId = client, title = "Via mine", value = 20m, currency = "RUB", intermediaryId = myDealer }));

        var hidden = await JsonAsync(await mine.GetAsync($"/api/v1/deals/{viaHidden}"));
        Assert.Equal((theirDealer, JsonValueKind.Null), (hidden.GetProperty("intermediaryId").GetInt64(), hidden.GetProperty("intermediaryName").ValueKind));
        Assert.DoesNotContain(theirDealerName, hidden.GetRawText());
        Assert.Equal(myDealerName, (await JsonAsync(await mine.GetAsync($"/api/v1/deals/{viaMine}"))).GetProperty("intermediaryName").GetString());
        Assert.Equal(theirDealerName, (await GetJsonAsync($"/api/v1/deals/{viaHidden}")).GetProperty("intermediaryName").GetString());

        Assert.Equal([viaMine], Ids(await JsonAsync(await mine.GetAsync($"/api/v1/deals?intermediaryId={myDealer}&limit=500"))));
        Assert.Equal([viaHidden], Ids(await JsonAsync(await mine.GetAsync($"/api/v1/deals?intermediaryId={theirDealer}&limit=500"))));
        Assert.Empty(Ids(await JsonAsync(await theirs.GetAsync($"/api/v1/deals?intermediaryId={theirDealer}&limit=500"))));

        // The file: the manager's two deals, one naming their dealer, the other saying only that it is not theirs.
        var file = await (await mine.GetAsync("/api/v1/deals/export?format=csv")).Content.ReadAsStringAsync();
        Assert.Contains(myDealerName, file);
        Assert.Contains("an intermediary you do not manage", file);
        Assert.DoesNotContain(theirDealerName, file);
        var filtered = await (await mine.GetAsync($"/api/v1/deals/export?format=csv&intermediaryId={myDealer}")).Content.ReadAsStringAsync();
        Assert.Contains("Via mine", filtered);
        Assert.DoesNotContain("Via theirs", filtered);
    }

    [Fact]
    public async Task A_deals_products_sum_to_its_value_unless_typed_and_bad_lines_change_nothing()
    {
        var stages = await StagesAsync();
        var (_, manager) = await NewManagerAsync();
        var drill = Id(await JsonAsync(await PostAsync("/api/v1/products", new { name = Unique("Drill "), listPrice = 1_500m }), HttpStatusCode.Created));
        var bits = Id(await JsonAsync(await PostAsync("/api/v1/products", new { name = Unique("Bits ") }), HttpStatusCode.Created));
        var client = Id(await CreateClientAsync(manager, Unique("Lines ")));

        // 2 × 1,500 (the list price) + 3.5 × 120 = 3,420.
        var deal = await DealAsync(manager, new
        {
            clientId = client, title = "Workshop", currency = "RUB",
            lines = new object[] { new { productId = drill, quantity = 2m }, new { productId = bits, quantity = 3.5m, price = 120m } },
        });
        Assert.Equal(3_420m, deal.GetProperty("value").GetDecimal());
        Assert.Equal([(drill, 2m, 1_500m, 3_000m), (bits, 3.5m, 120m, 420m)], deal.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("productId").GetInt64(), l.GetProperty("quantity").GetDecimal(), l.GetProperty("price").GetDecimal(), l.GetProperty("amount").GetDecimal())));

        // A change of the lines moves a value that was their sum; a save without lines keeps them.
        deal = await JsonAsync(await PatchAsync(manager, Id(deal), new { lines = new[] { new { productId = drill, quantity = 1m, price = 1_400m } } }));
        Assert.Equal((1_400m, 1), (deal.GetProperty("value").GetDecimal(), deal.GetProperty("lines").GetArrayLength()));
        deal = await JsonAsync(await PatchAsync(manager, Id(deal), new { title = "Workshop, spring" }));
        Assert.Equal((1_400m, 1), (deal.GetProperty("value").GetDecimal(), deal.GetProperty("lines").GetArrayLength()));
        // A typed value stays typed when the lines change.
        deal = await JsonAsync(await PatchAsync(manager, Id(deal), new { value = 1_000m }));
        deal = await JsonAsync(await PatchAsync(manager, Id(deal), new { lines = new[] { new { productId = drill, quantity = 5m } } }));
        Assert.Equal(1_000m, deal.GetProperty("value").GetDecimal());
        deal = await JsonAsync(await PatchAsync(manager, Id(deal), new { value = (decimal?)null }));
        Assert.Equal(7_500m, deal.GetProperty("value").GetDecimal());

        // Refused, field by field, in the reader's language, and nothing written.
        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await PatchAsync(manager, Id(deal), new { lines = new[] { new { productId = 999_999_999L, quantity = 1m, price = 1m } } }), "lines[0].productId");
        await AssertInvalidAsync(await PatchAsync(manager, Id(deal), new { lines = new[] { new { productId = drill, quantity = 0m, price = 1m } } }), "lines[0].quantity");
        await AssertInvalidAsync(await PatchAsync(manager, Id(deal), new { lines = new[] { new { productId = drill, quantity = -2m, price = 1m } } }), "lines[0].quantity");
        await AssertInvalidAsync(await PatchAsync(manager, Id(deal), new { lines = new[] { new { productId = drill, quantity = 1m, price = -1m } } }), "lines[0].price");
        await AssertInvalidAsync(await PatchAsync(manager, Id(deal), new { lines = new[] { new { productId = bits, quantity = 1m } } }), "lines[0].price");
        await AssertInvalidAsync(await manager.PostAsJsonAsync("/api/v1/deals", new
        {
            clientId = client, title = "Won at once", currency = "RUB", stageId = stages["Won"], lines = new[] { new { productId = drill, quantity = 1m } },
        }), "lines");
        using (var german = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/deals/{Id(deal)}")
               { Content = new StringContent("""{"lines":[{"productId":0,"quantity":1,"price":-5}]}""", System.Text.Encoding.UTF8, "application/json") })
        {
            german.Headers.AcceptLanguage.ParseAdd("de");
            var errors = (await AssertInvalidAsync(await manager.SendAsync(german), "lines[0].price")).GetProperty("errors");
            Assert.Equal("es gibt kein Produkt 0.", errors.GetProperty("lines[0].productId")[0].GetString());
            Assert.Contains("negativ", errors.GetProperty("lines[0].price")[0].GetString());
        }
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        // Won: the sale is one line of the value; the products are kept and no longer change.
        var won = await JsonAsync(await PatchAsync(manager, Id(deal), new { stageId = stages["Won"] }));
        var sale = await JsonAsync(await manager.GetAsync($"/api/v1/purchases/{won.GetProperty("purchaseId").GetInt64()}"));
        Assert.Equal((7_500m, 1), (sale.GetProperty("total").GetDecimal(), sale.GetProperty("lines").GetArrayLength()));
        before = await DbSnapshot.TakeAsync(App);
        var closed = await AssertInvalidAsync(await PatchAsync(manager, Id(deal), new { lines = new[] { new { productId = drill, quantity = 9m } } }), "lines");
        Assert.Contains("won or lost", closed.GetProperty("errors").GetProperty("lines")[0].GetString());
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        Assert.Equal(1, await App.ReadAsync(db => db.Set<Clientele.Features.Pipeline.DealLine>().CountAsync(l => l.DealId == Id(deal))));
    }
}
