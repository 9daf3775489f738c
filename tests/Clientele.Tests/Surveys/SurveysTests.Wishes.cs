using System.Net;
using System.Net.Http.Json;
using Clientele.Features.Identity;
using Clientele.Features.Products;
using Clientele.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Tests.Surveys;

/// <summary>
/// The product-wish register (answers merged into named wishes, counted by clients and their last 12 months' revenue,
/// exported through the gate; a refused merge changes nothing) and the next categories of a client from the counts
/// the nightly job keeps.
/// </summary>
public abstract partial class SurveysTests
{
    [Fact]
    public async Task Wishes_merged_into_the_register_count_their_clients_and_revenue_and_a_bad_merge_changes_nothing()
    {
        var analyst = await App.AddUserAsync(Unique("wishes") + "@clientele.test", EmployeeRole.Analyst, "Wish Analyst");
        var asAnalyst = App.ClientWithToken(await App.IssueTokenAsync(analyst.Id, "wishes"));
        var (rich, poor) = (Id(await CreateClientAsync(Unique("Wishing rich "))), Id(await CreateClientAsync(Unique("Wishing poor "))));
        foreach (var (client, price, daysAgo) in new[] { (rich, 900m, 20), (rich, 5_000m, 500), (poor, 100m, 40) })
            await JsonAsync(await PostAsync("/api/v1/purchases", new
            {
                clientId = client, date = DateTime.UtcNow.AddDays(-daysAgo), currency = "RUB", lines = new[] { new { description = "Goods", quantity = 1m, price } },
            }), HttpStatusCode.Created);
        var tag = Unique("онлайн-оплата ");
        var answers = new List<long>();
        foreach (var (client, text) in new[] { (rich, tag + " картой"), (rich, tag + " по СБП"), (poor, tag), (poor, "Доставка в выходные " + tag) })
            answers.Add(Id(await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = client, satisfaction = 10, productWish = text }), HttpStatusCode.Created)));
        var noWish = Id(await JsonAsync(await PostAsync("/api/v1/surveys", new { clientId = poor, satisfaction = 10 }), HttpStatusCode.Created));

        var asManager = await ManagerAsync();
        // Refused: no name, an answer with no wish, nothing chosen; a manager may not merge. Nothing changes.
        var before = await DbSnapshot.TakeAsync(App);
        await AssertInvalidAsync(await asAnalyst.PostAsJsonAsync("/api/v1/product-wishes", new { answerIds = answers.Take(3) }), "name");
        await AssertInvalidAsync(await asAnalyst.PostAsJsonAsync("/api/v1/product-wishes", new { name = "Оплата", answerIds = new[] { answers[0], noWish } }), "answerIds");
        await AssertInvalidAsync(await asAnalyst.PostAsJsonAsync("/api/v1/product-wishes", new { name = "Оплата", answerIds = Array.Empty<long>() }), "answerIds");
        Assert.Equal(HttpStatusCode.Forbidden, (await asManager.PostAsJsonAsync("/api/v1/product-wishes", new { name = "x", answerIds = answers })).StatusCode);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));

        var name = Unique("Онлайн-оплата ");
        var wish = Id(await JsonAsync(await asAnalyst.PostAsJsonAsync("/api/v1/product-wishes", new { name, answerIds = answers.Take(2) }), HttpStatusCode.Created));
        await JsonAsync(await asAnalyst.PostAsJsonAsync($"/api/v1/product-wishes/{wish}/answers", new { answerIds = new[] { answers[2] } }));

        var register = await JsonAsync(await asAnalyst.GetAsync("/api/v1/product-wishes"));
        var line = register.GetProperty("wishes").EnumerateArray().Single(w => w.GetProperty("id").GetInt64() == wish);
        // Three answers of two clients; their revenue of the last 12 months is 900 + 100 (the 5,000 of 500 days ago is older).
        Assert.Equal((name, 3, 2, 1000m), (line.GetProperty("name").GetString(), line.GetProperty("answers").GetInt32(), line.GetProperty("clients").GetInt32(), line.GetProperty("revenue").GetDecimal()));
        Assert.Equal(3, line.GetProperty("newest").GetArrayLength());
        var unsorted = register.GetProperty("unsorted").EnumerateArray().Select(a => a.GetProperty("answerId").GetInt64()).ToList();
        Assert.Contains(answers[3], unsorted);
        Assert.DoesNotContain(answers[0], unsorted);

        var file = await asAnalyst.GetAsync("/api/v1/product-wishes/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Contains(name, await file.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.ReadAsync(db => db.Set<Clientele.Features.Exports.Control.ExportRecord>().CountAsync(r => r.EmployeeId == analyst.Id)));
    }

    [Fact]
    public async Task A_clients_next_categories_come_from_the_counts_of_similar_baskets_with_support_and_lift()
    {
        async Task<long> Category(string name) => Id(await JsonAsync(await PostAsync("/api/v1/product-categories", new { name = Unique(name) }), HttpStatusCode.Created));
        var (x, y, z) = (await Category("Станки "), await Category("Фрезы "), await Category("Масла "));
        async Task<long> ProductOf(long category) => Id(await JsonAsync(await PostAsync("/api/v1/products", new { name = Unique("Товар "), categoryId = category }), HttpStatusCode.Created));
        var products = new Dictionary<long, long> { [x] = await ProductOf(x), [y] = await ProductOf(y), [z] = await ProductOf(z) };
        var (managerId, asManager) = await LoopManagerAsync();
        // Six baskets: {X,Y} three times, {X}, {Z}, {Y}. X in 4, Y in 4, Z in 1; X with Y in 3.
        var clients = new List<long>();
        // Mid-month days at noon UTC: the same month in any company time zone (the breadth report below counts months).
        var thisMonth = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 15, 12, 0, 0, DateTimeKind.Utc);
        foreach (var basket in new long[][] { [x, y], [x, y], [x, y], [x], [z], [y] })
        {
            var client = Id(await CreateClientAsync(Unique("Basket "), new { managerId }));
            await JsonAsync(await PostAsync("/api/v1/purchases", new
            {
                clientId = client, date = thisMonth.AddMonths(-1), currency = "RUB",
                lines = basket.Select(c => new { productId = products[c], description = "Goods", quantity = 1m, price = 10m }).ToArray(),
            }), HttpStatusCode.Created);
            clients.Add(client);
        }
        var foreign = Id(await CreateClientAsync(Unique("Not in the basket ")));
        Assert.Empty((await JsonAsync(await asManager.GetAsync($"/api/v1/clients/{clients[3]}/next-categories"))).EnumerateArray());

        var run = await JsonAsync(await Http.PostAsync($"/api/v1/jobs/{NextCategoriesJob.JobName}/run", null));
        Assert.Equal("Succeeded", run.GetProperty("status").GetString());

        // {X}: Y, because X — 3 of 6 baskets have both (support 0.5), 3 of the 4 with X have Y (0.75), Y is in 4 of 6: lift 0.75 / (4/6) = 1.125.
        var offer = Assert.Single((await JsonAsync(await asManager.GetAsync($"/api/v1/clients/{clients[3]}/next-categories"))).EnumerateArray());
        Assert.Equal((y, x, 0.5m, 0.75m, 1.13m, 3),
            (offer.GetProperty("categoryId").GetInt64(), offer.GetProperty("becauseId").GetInt64(), offer.GetProperty("support").GetDecimal(),
             offer.GetProperty("confidence").GetDecimal(), offer.GetProperty("lift").GetDecimal(), offer.GetProperty("together").GetInt32()));
        Assert.Equal([x], (await JsonAsync(await asManager.GetAsync($"/api/v1/clients/{clients[5]}/next-categories"))).EnumerateArray().Select(o => o.GetProperty("categoryId").GetInt64()));
        // Z never goes with anything; a client with both X and Y has nothing left that similar baskets bought.
        Assert.Empty((await JsonAsync(await asManager.GetAsync($"/api/v1/clients/{clients[4]}/next-categories"))).EnumerateArray());
        Assert.Empty((await JsonAsync(await asManager.GetAsync($"/api/v1/clients/{clients[0]}/next-categories"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await asManager.GetAsync($"/api/v1/clients/{foreign}/next-categories")).StatusCode);
        // A campaign's template offers it by name (issue 22's "next product" placeholder), checked and rendered as a send does.
        var person = Id(await JsonAsync(await PostAsync("/api/v1/contact-persons", new { clientId = clients[3], name = "Пётр Покупатель" }), HttpStatusCode.Created));
        var template = new Clientele.Features.Campaigns.CampaignTemplate
        {
            Language = "ru", Subject = "{{ next_product.category }}", Html = "<p>{{ contact.name }}</p>", Text = "После «{{ next_product.because }}» — «{{ next_product.category }}»",
        };
        var checkedTemplate = new Clientele.Infrastructure.Validation.Errors();
        Clientele.Features.Campaigns.CampaignTemplates.Check(checkedTemplate, "text", template.Text);
        Assert.False(checkedTemplate.Any);
        var ru = System.Globalization.CultureInfo.GetCultureInfo("ru");
        var names = await App.ReadAsync(db => db.ProductCategories.Where(c => c.Id == x || c.Id == y).ToDictionaryAsync(c => c.Id, c => c.Name));
        var rendered = await App.ReadAsync(async db => await Clientele.Features.Campaigns.CampaignTemplates.RenderAsync(template,
            await Clientele.Features.Campaigns.CampaignSender.ModelAsync(db, clients[3], person, "", ru, default,
                Clientele.Features.Campaigns.CampaignTemplates.UsesNextProduct(template.Subject, template.Html, template.Text)), ru));
        Assert.Equal((names[y], $"После «{names[x]}» — «{names[y]}»"), (rendered.Subject, rendered.Text));

        // The job rewrites the counts: run again, the same rows.
        var rows = await App.ReadAsync(db => db.CategoryPairCounts.CountAsync());
        await JsonAsync(await Http.PostAsync($"/api/v1/jobs/{NextCategoriesJob.JobName}/run", null));
        Assert.Equal(rows, await App.ReadAsync(db => db.CategoryPairCounts.CountAsync()));

        // Breadth over time, in the manager's view (their six clients only). Before the baskets' month C: {Y} bought Z in
        // C−2, {X} bought Z in C−1.
        async Task PurchaseAsync(long client, long category, DateTime date) => await JsonAsync(await PostAsync("/api/v1/purchases", new
        {
            clientId = client, date, currency = "RUB", lines = new[] { new { productId = products[category], description = "Goods", quantity = 1m, price = 10m } },
        }), HttpStatusCode.Created);
        await PurchaseAsync(clients[5], z, thisMonth.AddMonths(-3));
        await PurchaseAsync(clients[3], z, thisMonth.AddMonths(-2));
        var breadth = (await JsonAsync(await asManager.GetAsync("/api/v1/analytics/breadth?months=4"))).EnumerateArray()
            .Select(m => (m.GetProperty("month").GetString(), m.GetProperty("buyers").GetInt32(), m.GetProperty("averageCategories").GetDecimal(),
                m.GetProperty("oneCategory").GetInt32(), m.GetProperty("twoCategories").GetInt32(), m.GetProperty("widened").GetInt32())).ToList();
        string Month(int back) => thisMonth.AddMonths(-back).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        // C−2: {Y}'s Z. C−1: and {X}'s Z. C: {X,Y} ×3 = 2 each, {X}+Z = 2, {Z} = 1, {Y}+Z = 2: 6 buyers, 11 / 6 = 1.83, one with 1,
        // five with 2; widened the two who had Z before. This month: the same, nobody widened.
        Assert.Equal([(Month(3), 1, 1m, 1, 0, 0), (Month(2), 2, 1m, 2, 0, 0), (Month(1), 6, 1.83m, 1, 5, 2), (Month(0), 6, 1.83m, 1, 5, 0)], breadth);
        Assert.Equal(HttpStatusCode.BadRequest, (await asManager.GetAsync("/api/v1/analytics/breadth?months=61")).StatusCode);
    }
}
