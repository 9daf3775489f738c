using Clientele.Infrastructure.Api;
using Clientele.Infrastructure.Validation;
using Microsoft.AspNetCore.Http;

namespace Clientele.Tests.Validation;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("RUB", "RUB")]
    [InlineData(" eur ", "EUR")]
    [InlineData("usd", "USD")]
    [InlineData("CHF", "CHF")]
    [InlineData("KZT", "KZT")]
    public void Iso_currencies_pass_in_upper_case(string input, string expected)
    {
        var errors = new Errors();

        Assert.Equal(expected, errors.Currency("currency", input));
        Assert.False(errors.Any, errors.ToString());
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("EURO")]
    [InlineData("€")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused_on_the_field(string? input)
    {
        var errors = new Errors();

        errors.Currency("lines[0].currency", input);

        Assert.True(errors.Has("lines[0].currency"));
    }

    [Fact]
    public void Required_and_optional_texts_are_trimmed_and_limited()
    {
        var errors = new Errors();

        Assert.Equal("Acme", errors.Required("name", "  Acme  ", 10));
        Assert.Null(errors.Optional("city", "   ", 10));
        Assert.False(errors.Any);

        errors.Required("legalName", " ", 10);
        errors.Optional("notes", new string('x', 11), 10);
        errors.NonNegative("price", -0.01m);
        errors.NonNegative("cost", (decimal?)null);

        Assert.Equal(["legalName", "notes", "price"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
        Assert.Contains("11", errors.First("notes"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("*", null)]
    [InlineData("\"7\"", 7L)]
    [InlineData("W/\"7\"", 7L)]
    [InlineData("7", 7L)]
    [InlineData("\"seven\"", -1L)]
    public void If_match_reads_our_etags(string? header, long? version)
    {
        var context = new DefaultHttpContext();
        if (header is not null) context.Request.Headers.IfMatch = header;

        Assert.Equal(version, ApiConventions.IfMatch(context.Request));
        if (version > 0) Assert.Equal($"\"{version}\"", ApiConventions.ETag(version.Value));
    }
}
