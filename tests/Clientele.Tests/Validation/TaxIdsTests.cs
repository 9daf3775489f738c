using Clientele.Infrastructure.Validation;

namespace Clientele.Tests.Validation;

public sealed class TaxIdsTests
{
    // 10-digit INN, weights 2 4 10 3 5 9 4 6 8, check = sum mod 11 mod 10:
    //   7707083893: 14+28+0+21+0+72+12+48+72 = 267; 267 mod 11 = 3 → 3.
    //   7707083830: 14+28+0+21+0+72+12+48+24 = 219; 219 mod 11 = 10 → 0 (the "mod 10" step matters).
    // 12-digit INN 500100732259: weights 7 2 4 10 3 5 9 4 6 8 give 148, 148 mod 11 = 5 (11th digit);
    //   weights 3 7 2 4 10 3 5 9 4 6 8 give 141, 141 mod 11 = 9 (12th digit).
    [Theory]
    [InlineData("7707083893")]
    [InlineData("7707083830")]
    [InlineData("7830002293")]
    [InlineData("500100732259")]
    public void Valid_inns_pass(string inn) => Assert.True(TaxIds.IsValidInn(inn));

    [Theory]
    [InlineData("7707083894")] // last digit off by one
    [InlineData("7707083839")] // 219 mod 11 = 10 must give 0, not 9
    [InlineData("500100732258")] // 12th digit wrong
    [InlineData("500100732249")] // 11th digit wrong
    [InlineData("770708389")] // 9 digits
    [InlineData("77070838931")] // 11 digits
    [InlineData("77070838 3")]
    [InlineData("")]
    public void Invalid_inns_fail(string inn) => Assert.False(TaxIds.IsValidInn(inn));

    // ISO 7064 MOD 11,10 over the 8 digits after DE, e.g. 13669597: products 2,10,1,3,4,7,1,5 → check 11 − 5 = 6.
    [Theory]
    [InlineData("DE136695976")]
    [InlineData("DE111111125")]
    [InlineData("DE123456788")]
    [InlineData("DE811907980")] // 11 − 1 = 10 → 0
    public void Valid_german_vat_ids_pass(string id) => Assert.True(TaxIds.IsValidGermanVatId(id));

    [Theory]
    [InlineData("DE136695977")]
    [InlineData("DE123456789")]
    [InlineData("DE811907981")]
    [InlineData("DE013669597")] // no leading zero
    [InlineData("DE13669597")] // 8 digits
    [InlineData("AT136695976")]
    [InlineData("de136695976")] // stored form is upper case; Normalize upper-cases first
    public void Invalid_german_vat_ids_fail(string id) => Assert.False(TaxIds.IsValidGermanVatId(id));

    [Theory]
    [InlineData(" de 136 695 976 ", "DE136695976")]
    [InlineData("7707-083.893", "7707083893")]
    [InlineData("500 100 732 259", "500100732259")]
    public void Tax_ids_are_checked_in_their_normalised_form(string input, string stored)
    {
        var errors = new Errors();

        var value = errors.TaxId("taxId", input);

        Assert.Equal(stored, value);
        Assert.False(errors.Any, errors.ToString());
    }

    [Theory]
    [InlineData("7707083894", "check digit")]
    [InlineData("12345678901", "10 or 12 digits")]
    [InlineData("DE136695977", "German VAT id")]
    [InlineData("FR12345678901", "neither")]
    public void A_bad_tax_id_is_reported_on_its_field(string input, string messagePart)
    {
        var errors = new Errors();

        errors.TaxId("taxId", input);

        Assert.Contains(messagePart, errors.First("taxId"));
    }

    [Fact]
    public void A_blank_tax_id_is_no_tax_id()
    {
        var errors = new Errors();

        Assert.Null(errors.TaxId("taxId", "  "));
        Assert.False(errors.Any);
    }
}
