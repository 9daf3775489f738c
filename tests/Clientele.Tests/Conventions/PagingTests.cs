using System.Text.Json;
using Clientele.Tests.Infrastructure;

namespace Clientele.Tests.Conventions;

/// <summary>Keyset pages: <c>{"items": [...], "next": cursor|null}</c>, walked with <c>?after=</c>.</summary>
public abstract class PagingTests(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<List<(long[] Ids, string? Next)>> WalkAsync(string path, int limit)
    {
        var pages = new List<(long[] Ids, string? Next)>();
        string? after = null;
        do
        {
            var separator = path.Contains('?') ? '&' : '?';
            var page = await GetJsonAsync($"{path}{separator}limit={limit}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}"));
            var next = page.GetProperty("next");
            after = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
            pages.Add(([.. page.GetProperty("items").EnumerateArray().Select(Id)], after));
            Assert.True(pages.Count <= 10, "the cursor never ends");
        }
        while (after is not null);
        return pages;
    }

    [Fact]
    public async Task Twenty_five_clients_come_in_three_pages_of_ten_without_gaps_or_repeats()
    {
        var tag = Unique("page");
        var created = new List<long>();
        for (var i = 0; i < 25; i++) created.Add(Id(await CreateClientAsync($"Paged client {i:00}", new { tags = new[] { tag } })));
        // Clients outside the filter must not leak into the pages.
        await CreateClientAsync("Unpaged client");

        var pages = await WalkAsync($"/api/v1/clients?tag={tag}", 10);

        Assert.Equal([10, 10, 5], pages.Select(p => p.Ids.Length));
        Assert.NotNull(pages[0].Next);
        Assert.NotNull(pages[1].Next);
        Assert.Null(pages[2].Next);
        var all = pages.SelectMany(p => p.Ids).ToList();
        Assert.Equal(created.Order(), all);
    }

    [Fact]
    public async Task A_page_that_ends_exactly_at_the_limit_has_no_next()
    {
        var tag = Unique("exact");
        for (var i = 0; i < 4; i++) await CreateClientAsync($"Exact {i}", new { tags = new[] { tag } });

        var pages = await WalkAsync($"/api/v1/clients?tag={tag}", 4);

        Assert.Single(pages);
        Assert.Equal(4, pages[0].Ids.Length);
        Assert.Null(pages[0].Next);
    }

    [Fact]
    public async Task A_record_deleted_between_pages_neither_breaks_nor_repeats_the_walk()
    {
        var tag = Unique("del");
        var created = new List<long>();
        for (var i = 0; i < 6; i++) created.Add(Id(await CreateClientAsync($"Walk {i}", new { tags = new[] { tag } })));

        var first = await GetJsonAsync($"/api/v1/clients?tag={tag}&limit=3");
        var cursor = first.GetProperty("next").GetString();
        await Http.DeleteAsync($"/api/v1/clients/{created[3]}");
        var second = await GetJsonAsync($"/api/v1/clients?tag={tag}&limit=3&after={cursor}");

        Assert.Equal(created[..3], first.GetProperty("items").EnumerateArray().Select(Id));
        Assert.Equal(created[4..], second.GetProperty("items").EnumerateArray().Select(Id));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task The_generic_list_endpoints_page_the_same_way()
    {
        var client = Id(await CreateClientAsync(Unique("Tasks owner ")));
        var created = new List<long>();
        for (var i = 0; i < 5; i++)
            created.Add(Id(await JsonAsync(await PostAsync("/api/v1/tasks", new { clientId = client, title = $"Task {i}", dueAt = "2030-01-01T09:00:00Z" }), System.Net.HttpStatusCode.Created)));

        var pages = await WalkAsync($"/api/v1/tasks?clientId={client}", 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.Ids.Length));
        Assert.Equal(created, pages.SelectMany(p => p.Ids));
    }

    [Theory]
    [InlineData("/api/v1/clients?after=abc")]
    [InlineData("/api/v1/clients?after=-5")]
    [InlineData("/api/v1/clients?after=1.5")]
    [InlineData("/api/v1/tasks?after=xyz")]
    [InlineData("/api/v1/purchases?after=%20")]
    [InlineData("/api/v1/contact-persons?after=0x10")]
    public async Task A_cursor_we_never_gave_out_is_a_400_naming_after(string path)
    {
        await AssertInvalidAsync(await Http.GetAsync(path), "after");
    }

    [Theory]
    [InlineData("/api/v1/clients?limit=ten", "limit")]
    [InlineData("/api/v1/clients?status=sleeping", "status")]
    [InlineData("/api/v1/tasks?limit=1e3", "limit")]
    public async Task A_query_value_of_the_wrong_type_is_a_400_naming_it(string path, string field)
    {
        await AssertInvalidAsync(await Http.GetAsync(path), field);
    }

    [Fact]
    public async Task The_limit_is_clamped_to_at_least_one()
    {
        var tag = Unique("clamp");
        for (var i = 0; i < 2; i++) await CreateClientAsync($"Clamp {i}", new { tags = new[] { tag } });

        var page = await GetJsonAsync($"/api/v1/clients?tag={tag}&limit=0");

        Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, page.GetProperty("next").ValueKind);
    }
}

public sealed class PagingTestsOnSqlite(SqliteApp fixture) : PagingTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class PagingTestsOnPostgres(PostgresApp fixture) : PagingTests(fixture), IClassFixture<PostgresApp>;
