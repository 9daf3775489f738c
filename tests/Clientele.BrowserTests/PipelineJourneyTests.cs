using System.Text.RegularExpressions;
using Clientele.Data;
using Clientele.Features.Clients;
using Clientele.Features.Pipeline;
using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>
/// The deal board: a card dragged to another stage, then won through the keyboard's "move to" menu, and the sale it
/// records on the client's card. Leads, the public form and the survey of issue 21's journey are not built yet.
/// </summary>
public sealed class PipelineJourneyTests : AppInBrowserTest
{
    private long clientId;

    protected override async Task PrepareAsync()
    {
        await using var scope = App.Services.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
        clientId = (await EntityWriter.CreateAsync(db, ClientSpec.Instance, new ClientInput { Name = "Вектор", Status = ClientStatus.Active }, default)).Value!.Id;
        var other = (await EntityWriter.CreateAsync(db, ClientSpec.Instance, new ClientInput { Name = "Орбита", Status = ClientStatus.Potential }, default)).Value!.Id;
        var stages = await db.PipelineStages.AsNoTracking().ToDictionaryAsync(s => PipelineStage.Show(s.Name), s => s.Id);
        var nextMonth = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        foreach (var (client, title, value, stage) in new[] { (clientId, "Станок ЧПУ", 900m, "New"), (other, "Сервисный договор", 4_000m, "Proposal"), (other, "Запчасти", 1_500m, "Qualified") })
            Assert.Equal(OutcomeKind.Ok, (await EntityWriter.CreateAsync(db, DealsApi.Spec,
                new DealInput { ClientId = client, Title = title, Value = value, Currency = "RUB", ExpectedCloseOn = nextMonth, StageId = stages[stage] }, default)).Kind);
    }

    private static ILocator Column(IPage page, string stage) => page.Locator(".pipeline-column").Filter(new() { Has = page.Locator("h2", new() { HasTextString = stage }) });

    [Fact]
    public async Task A_deal_dragged_along_the_board_and_won_from_its_menu_shows_its_sale_on_the_card()
    {
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();
        await Browser.SignInAsync(page, App.BaseUrl, "/pipeline");
        var card = page.Locator(".deal-card", new() { HasTextString = "Станок ЧПУ" });
        await Expect(Column(page, "Новая").Locator(".deal-card", new() { HasTextString = "Станок ЧПУ" })).ToHaveCountAsync(1);

        await card.DragToAsync(Column(page, "Переговоры"));
        await Expect(Column(page, "Переговоры").Locator(".deal-card", new() { HasTextString = "Станок ЧПУ" })).ToHaveCountAsync(1);

        await card.Locator("select").SelectOptionAsync(new SelectOptionValue { Label = "Выиграна" });
        await Expect(page.Locator(".pipeline-notice")).ToContainTextAsync("продажа записана как покупка");
        await Expect(Column(page, "Выиграна").Locator(".deal-card", new() { HasTextString = "Станок ЧПУ" })).ToHaveCountAsync(1);
        // The forecast weighs the open deals only: 4 000 × 50 % + 1 500 × 20 % = 2 300.
        await Expect(page.Locator("#forecast-table tbody tr")).ToContainTextAsync(new Regex(@"2\s?300,00"));
        await page.ScreenshotAsync(new() { Path = Browser.ArtifactPath("pipeline-board-ru-1440.png"), FullPage = true });

        await page.GotoAsync($"{App.BaseUrl}/clients/{clientId}");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator("#economics-figures tbody tr").First.Locator("td").First).ToHaveTextAsync(new Regex(@"^\s*900\s*₽\s*$"));
    }
}
