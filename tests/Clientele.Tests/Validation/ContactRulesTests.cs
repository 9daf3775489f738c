using Clientele.Infrastructure.Validation;

namespace Clientele.Tests.Validation;

public sealed class ContactRulesTests
{
    [Theory]
    [InlineData("+7 916 123-45-67", "RU", "+79161234567")]
    [InlineData("8 (916) 123-45-67", "RU", "+79161234567")]
    [InlineData("89161234567", "RU", "+79161234567")]
    [InlineData("+7(916)1234567", "DE", "+79161234567")]
    [InlineData("8 495 123 45 67", "RU", "+74951234567")]
    [InlineData("0151 23456789", "DE", "+4915123456789")]
    [InlineData("+49 151 23456789", "RU", "+4915123456789")]
    [InlineData("0049 151 23456789", "DE", "+4915123456789")]
    [InlineData("030 12345678", "DE", "+493012345678")]
    [InlineData("(030) 1234-5678", "DE", "+493012345678")]
    public void Phones_become_e164(string input, string region, string expected) =>
        Assert.Equal(expected, ContactRules.NormalizePhone(input, region));

    [Theory]
    [InlineData("12345", "RU")]
    [InlineData("+7 916 123", "RU")]
    [InlineData("0151 23456789", "RU")] // a German mobile read as Russian is no number
    [InlineData("call me", "DE")]
    [InlineData("", "RU")]
    [InlineData("   ", "RU")]
    [InlineData(null, "RU")]
    public void Non_numbers_are_refused(string? input, string region) => Assert.Null(ContactRules.NormalizePhone(input, region));

    [Fact]
    public void A_bad_phone_is_reported_on_its_field_and_a_blank_one_is_none()
    {
        var errors = new Errors();

        Assert.Null(errors.Phone("phones[1]", "12-34", "RU"));
        Assert.Null(errors.Phone("phone", " ", "RU"));

        Assert.Contains("12-34", errors.First("phones[1]"));
        Assert.False(errors.Has("phone"));
    }

    [Theory]
    [InlineData("+79161234567", "+7 916 123-45-67")]
    [InlineData("+4915123456789", "+49 1512 3456789")]
    public void E164_is_written_for_people(string e164, string shown) => Assert.Equal(shown, ContactRules.FormatPhone(e164));

    [Theory]
    [InlineData(" Anna.Petrova@Example.COM ", "anna.petrova@example.com")]
    [InlineData("info@romashka.ru", "info@romashka.ru")]
    [InlineData("MÜLLER@beispiel.de", "müller@beispiel.de")]
    [InlineData("first.last+tag@sub.example.org", "first.last+tag@sub.example.org")]
    public void Emails_are_trimmed_and_lower_cased(string input, string expected) =>
        Assert.Equal(expected, ContactRules.NormalizeEmail(input));

    [Theory]
    [InlineData("anna")]
    [InlineData("anna@")]
    [InlineData("@example.com")]
    [InlineData("anna@example")]
    [InlineData("anna@example.")]
    [InlineData("anna petrova@example.com")]
    [InlineData("anna@@example.com")]
    [InlineData("Anna <anna@example.com>")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Malformed_emails_are_refused(string? input) => Assert.Null(ContactRules.NormalizeEmail(input));

    [Fact]
    public void An_overlong_email_is_refused()
    {
        var local = new string('a', 64);
        var host = string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".de";

        Assert.Null(ContactRules.NormalizeEmail($"{local}@{host}"));
    }

    [Fact]
    public void A_bad_email_is_reported_on_its_field()
    {
        var errors = new Errors();

        Assert.Null(errors.Email("emails[0]", "x@y"));

        Assert.Contains("x@y", errors.First("emails[0]"));
    }

    // +7 2xx is no range of the Russian plan (nor Kazakhstan's 6xx/7xx), yet ten national digits are a Russian number's length.
    [Theory]
    [InlineData("+7 (200) 123-45-67", "RU")]
    [InlineData("+7 200 1234567", "DE")]
    public void A_number_outside_the_plan_is_kept_as_written_and_flagged(string input, string region)
    {
        var errors = new Errors();

        var stored = errors.Phone("phone", input, region);

        Assert.False(errors.Any, errors.ToString());
        Assert.Equal(input, stored);
        Assert.True(ContactRules.IsOutsidePlan(stored));
        Assert.Equal(input, ContactRules.FormatPhone(stored!));
        Assert.Equal("72001234567", Clientele.Features.Clients.ClientSearch.PhoneTerm(stored!));
    }

    [Theory]
    [InlineData("+7 916 12")] // too short for any plan
    [InlineData("+7 916 123 45 67 89 00")] // too long
    [InlineData("+7 2OO 123 45 67")] // letters
    public void What_cannot_be_a_number_is_still_refused(string input)
    {
        var errors = new Errors();

        Assert.Null(errors.Phone("phone", input, "RU"));
        Assert.True(errors.Has("phone"));
    }

    [Fact]
    public void A_known_number_is_not_flagged() => Assert.False(ContactRules.IsOutsidePlan("+79161234567"));
}
