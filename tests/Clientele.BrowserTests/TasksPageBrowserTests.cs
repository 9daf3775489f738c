using Clientele.Data;
using Clientele.Features.Clients;
using Clientele.Features.Company;
using Clientele.Features.Identity;
using Clientele.Features.Tasks;
using Clientele.Infrastructure.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Clientele.BrowserTests;

/// <summary>
/// Issue 20's /tasks page for a manager in Russian: today / overdue / all, only the tasks of the clients they see, column
/// headers over their columns, done with a result and undone, a task added for one of their clients.
/// </summary>
public sealed class TasksPageBrowserTests : AppInBrowserTest
{
    private const string Manager = "manager@tasks.test";

    [Fact]
    public async Task A_manager_works_through_their_tasks_by_view_finishes_one_with_a_result_undoes_it_and_adds_one()
    {
        long overdueId;
        await using (var scope = App.Services.CreateSystemScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClienteleDb>();
            var manager = await UserAdmin.AddAsync(scope.ServiceProvider.GetRequiredService<UserManager<Employee>>(), Manager, EmployeeRole.Manager, "Мария Менеджер", RunningApp.OwnerPassword, TimeProvider.System);
            var own = (await EntityWriter.CreateAsync(db, ClientSpec.Instance, new ClientInput { Name = "Своя фирма", ManagerId = manager.Id, Status = ClientStatus.Active }, default)).Value!.Id;
            var foreign = (await EntityWriter.CreateAsync(db, ClientSpec.Instance, new ClientInput { Name = "Чужая фирма", Status = ClientStatus.Active }, default)).Value!.Id;
            var days = await CompanyDays.OfAsync(db);
            var now = db.UtcNow;
            // Due later today, whatever the hour of the run: a fixed noon made the task overdue in an afternoon run.
            var endOfToday = days.EndOf(days.Today(now));
            var today = now + (endOfToday - now) / 2;
            FollowUpTask Due(long client, string title, DateTime at) => new() { ClientId = client, Title = title, DueAt = at, AssigneeId = manager.Id };
            var overdue = Due(own, "Просроченная задача", now.AddDays(-3));
            db.Tasks.AddRange(Due(own, "Позвонить сегодня", today), overdue, Due(own, "Через три недели", now.AddDays(21)), Due(foreign, "Чужая задача", today));
            await db.SaveChangesAsync();
            overdueId = overdue.Id;
        }
        var page = await (await Chromium.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU", ViewportSize = new ViewportSize { Width = 1440, Height = 900 } })).NewPageAsync();
        await Browser.SignInAsync(page, App.BaseUrl, "/tasks", Manager);

        var titles = page.Locator("#tasks-grid .task-title");
        await Expect(titles).ToHaveTextAsync(["Позвонить сегодня"]);
        await page.ClickAsync("#tasks-view-Overdue");
        await Expect(titles).ToHaveTextAsync(["Просроченная задача"]);
        await page.ClickAsync("#tasks-view-All");
        await Expect(titles).ToHaveTextAsync(["Просроченная задача", "Позвонить сегодня", "Через три недели"]);

        // Each header stands over its column.
        var headers = await page.Locator("#tasks-grid thead th").AllAsync();
        var cells = await page.Locator("#tasks-grid tbody tr").First.Locator("td").AllAsync();
        Assert.Equal(headers.Count, cells.Count);
        for (var i = 0; i < headers.Count; i++)
            Assert.InRange((await cells[i].BoundingBoxAsync())!.X - (await headers[i].BoundingBoxAsync())!.X, -1, 1);
        await Browser.ShotAsync(page, new PageScreenshotOptions { Path = Browser.ArtifactPath("tasks-all-ru.png") });

        // Done with a result, then undone.
        var row = page.Locator("#tasks-grid tbody tr", new() { HasText = "Просроченная задача" });
        await row.Locator(".task-done").ClickAsync();
        await row.Locator("input[name='task-result']").FillAsync("Договорились о встрече");
        await row.Locator(".task-confirm").ClickAsync();
        await Expect(page.Locator("#tasks-done-notice")).ToContainTextAsync("Выполнено: Просроченная задача.");
        await Expect(titles).ToHaveTextAsync(["Позвонить сегодня", "Через три недели"]);
        Assert.Equal((true, "Договорились о встрече"), await TaskStateAsync(overdueId));
        await page.ClickAsync("#tasks-undo");
        await Expect(titles).ToHaveTextAsync(["Просроченная задача", "Позвонить сегодня", "Через три недели"]);
        Assert.Equal((false, (string?)null), await TaskStateAsync(overdueId));

        // A task added from the page, for one of the manager's clients (the only one offered).
        await page.ClickAsync("#tasks-add");
        await page.ClickAsync("#tasks-add-client");
        var offered = page.Locator(".rz-dropdown-item").Filter(new() { HasText = "фирма" });
        await Expect(offered).ToHaveTextAsync(["Своя фирма"]);
        await offered.ClickAsync();
        await page.FillAsync("#task-title", "Отправить КП");
        await page.ClickAsync("#save-task");
        await Expect(titles).ToHaveTextAsync(["Просроченная задача", "Позвонить сегодня", "Отправить КП", "Через три недели"]);
    }

    private async Task<(bool Done, string? Result)> TaskStateAsync(long id)
    {
        await using var scope = App.Services.CreateSystemScope();
        var task = await scope.ServiceProvider.GetRequiredService<ClienteleDb>().Tasks.AsNoTracking().SingleAsync(t => t.Id == id);
        return (task.Done, task.Result);
    }
}
