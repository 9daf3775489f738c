using System.Net;
using System.Text;
using Clientele.Infrastructure.Security;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clientele.Tests.Security;

/// <summary>Bodies over the limit are a 413 problem whether or not they say their length; the limits are set where they belong.</summary>
public abstract class RequestLimitsTests(AppFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_over_one_megabyte_is_a_413_problem_and_changes_nothing(bool withContentLength)
    {
        var before = await DbSnapshot.TakeAsync(App);
        var body = new FuzzPayload("big", Encoding.UTF8.GetBytes("{\"name\":\"" + new string('x', (int)RequestLimits.DefaultBodyLimit) + "\"}"), Sized: withContentLength);

        using var response = await Http.PostAsync("/api/v1/clients", body.Content());

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("too large", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
    }

    [Fact]
    public async Task A_body_just_under_the_limit_is_read_and_judged_by_its_content()
    {
        var notes = new string('n', (int)RequestLimits.DefaultBodyLimit - 200);

        // Read in full (not a 413): the notes are refused for their length, by name.
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Post, "/api/v1/clients", $$"""{"name":"Acme","notes":"{{notes}}"}"""), "notes");
    }

    [Fact]
    public async Task An_unauthenticated_oversized_post_is_refused_before_anything_reads_it()
    {
        using var anonymous = App.ClientWithToken(null);
        using var response = await anonymous.PostAsync("/account/login", FuzzPayloads.TenMegabyteBody().Content());

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Amounts_beyond_the_arithmetic_are_a_400_naming_the_field_and_change_nothing()
    {
        var client = Id(await CreateClientAsync(Unique("Overflow ")));
        var before = await DbSnapshot.TakeAsync(App);
        string Purchase(string quantity, string price) =>
            $$"""{"clientId":{{client}},"date":"2026-03-01T10:00:00Z","currency":"RUB","lines":[{"description":"Gold","quantity":{{quantity}},"price":{{price}}}]}""";

        // 1e20 × 1e20 used to overflow decimal arithmetic: a 500.
        var huge = await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Post, "/api/v1/purchases", Purchase("1e20", "1e20")), "lines[0].quantity");
        Assert.True(huge.GetProperty("errors").TryGetProperty("lines[0].price", out _), huge.ToString());
        // Each value in range, their product not (it would not fit the total's column).
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Post, "/api/v1/purchases", Purchase("100000000", "100000000")), "lines[0]");
        await AssertInvalidAsync(await SendJsonAsync(HttpMethod.Post, "/api/v1/clients", """{"name":"Costly","acquisitionCost":1e17}"""), "acquisitionCost");

        Assert.Equal(before, await DbSnapshot.TakeAsync(App));
        // The largest amounts still go in.
        await JsonAsync(await SendJsonAsync(HttpMethod.Post, "/api/v1/purchases", Purchase("1000", "999999999.99")), HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("/api/v1/clients?status=Bogus", "status", "Active")]
    [InlineData("/api/v1/clients?limit=lots", "limit", "whole number")]
    [InlineData("/api/v1/clients/export?format=csv&role=Bogus", "role", "must be one of")]
    public async Task A_query_value_of_the_wrong_type_is_a_400_naming_the_field_in_the_apis_words(string path, string field, string hint)
    {
        var problem = await AssertInvalidAsync(await Http.GetAsync(path), field);

        var text = problem.ToString();
        Assert.Contains(hint, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        // No .NET type names: "Nullable<ClientStatus>", "System.Int32", "Clientele.Features…".
        foreach (var internals in new[] { "Nullable", "System.", "Clientele.", "ClientStatus", "ClientRole", "Int32", "<" })
            Assert.DoesNotContain(internals, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_raise_their_own_limit_and_the_rest_get_the_default()
    {
        static Endpoint With(params object[] metadata) => new(null, new EndpointMetadataCollection(metadata), "test");

        Assert.Equal(RequestLimits.DefaultBodyLimit, RequestLimits.LimitOf(With()));
        Assert.Equal(RequestLimits.UploadBodyLimit, RequestLimits.LimitOf(With(new BodySizeLimit(RequestLimits.UploadBodyLimit))));
        Assert.Equal(5_000_000, RequestLimits.LimitOf(With(new RequestSizeLimitAttribute(5_000_000))));
        Assert.Null(RequestLimits.LimitOf(With(new DisableRequestSizeLimitAttribute())));
    }

    [Fact]
    public void Json_depth_and_circuit_messages_are_bounded()
    {
        var json = App.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        Assert.Equal(RequestLimits.MaxJsonDepth, json.MaxDepth);

        // Blazor's circuit hub takes its limit from the global hub options unless it sets its own.
        var hub = Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server", throwOnError: true)!;
        var options = (IOptions<HubOptions>)App.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub)));
        Assert.InRange(options.Value.MaximumReceiveMessageSize ?? long.MaxValue, 1, RequestLimits.MaxCircuitMessageBytes);
    }
}

public sealed class RequestLimitsTestsOnSqlite(SqliteApp fixture) : RequestLimitsTests(fixture), IClassFixture<SqliteApp>;

[Collection("postgres-6")]
public sealed class RequestLimitsTestsOnPostgres(PostgresApp fixture) : RequestLimitsTests(fixture), IClassFixture<PostgresApp>;
