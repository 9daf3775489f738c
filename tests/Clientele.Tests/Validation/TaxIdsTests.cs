using System.Globalization;
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
    [InlineData("ABC123", "neither")]
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

    // OGRN, 13 digits: the first 12 taken as one number mod 11, the remainder's last digit is the 13th.
    //   1027700132195 (Sberbank): 102770013219 = 11 · 9342728474 + 5 → 5.
    //   1022200525819: 102220052581 mod 11 = 9 → 9.
    // OGRNIP, 15 digits: the first 14 mod 13. 304500116000157: 30450011600015 mod 13 = 7 → 7.
    [Theory]
    [InlineData("1027700132195")]
    [InlineData("1022200525819")]
    [InlineData("304500116000157")]
    [InlineData("385768585948949")] // 38576858594894 mod 13 = 9
    public void Valid_ogrns_pass(string ogrn) => Assert.True(TaxIds.IsValidOgrn(ogrn));

    [Theory]
    [InlineData("1027700132196")] // remainder 5, not 6
    [InlineData("304500116000158")]
    [InlineData("0027700132195")] // no leading zero
    [InlineData("10277001321950")] // 14 digits
    public void Invalid_ogrns_fail(string ogrn) => Assert.False(TaxIds.IsValidOgrn(ogrn));

    // KPP: 4 digits (tax office), 2 digits or Latin capitals (reason), 3 digits; no check digit is defined.
    [Theory]
    [InlineData("773601001", true)] // Sberbank
    [InlineData("7736AB001", true)]
    [InlineData("77360100", false)]
    [InlineData("7736АБ001", false)] // Cyrillic letters
    [InlineData("AB3601001", false)]
    public void Kpp_layout(string kpp, bool valid) => Assert.Equal(valid, TaxIds.IsValidKpp(kpp));

    // Austrian UID (BMF): S = C1 + q(2·C2) + C3 + q(2·C4) + C5 + q(2·C6) + C7, check = (10 − (S + 4) mod 10) mod 10.
    //   ATU13585627: 1 + q(6) + 5 + q(16)=7 + 5 + q(12)=3 + 2 = 29; (29 + 4) mod 10 = 3; 10 − 3 = 7 ✓.
    //   ATU10223006: 1 + 0 + 2 + q(4) + 3 + 0 + 0 = 10; (10 + 4) mod 10 = 4; 10 − 4 = 6 ✓.
    [Theory]
    [InlineData("ATU13585627", true)]
    [InlineData("ATU10223006", true)]
    [InlineData("ATU13585626", false)]
    [InlineData("ATU1358562", false)]
    [InlineData("AT13585627", false)]
    public void Austrian_uid(string uid, bool valid) => Assert.Equal(valid, TaxIds.IsValidAustrianVatId(uid));

    // Swiss UID (BFS): weights 5 4 3 2 7 6 5 4 on the first 8 digits, check = 11 − sum mod 11 (11 → 0, 10 never issued).
    //   CHE-116.281.710: 5+4+18+4+56+6+35+4 = 132 = 12·11 → 11 − 0 = 11 → 0 ✓.
    //   CHE-109.322.551: 5+0+27+6+14+12+25+20 = 109; 109 mod 11 = 10 → 11 − 10 = 1 ✓.
    [Theory]
    [InlineData("CHE116281710", true)]
    [InlineData("CHE109322551", true)]
    [InlineData("CHE109322551MWST", true)]
    [InlineData("CHE116281711", false)]
    [InlineData("CHE11628171", false)]
    public void Swiss_uid(string uid, bool valid) => Assert.Equal(valid, TaxIds.IsValidSwissUid(uid));

    // Belarusian UNP: weights 29 23 19 17 13 7 5 3, check = sum mod 11 (10 never issued); a letter counts as its place
    // in 0–9A–Z, a second-place letter of ABCEHKMOPT as 0–9.
    //   100582333: 29 + 0 + 0 + 85 + 104 + 14 + 15 + 9 = 256; 256 − 23·11 = 3 ✓.
    //   200988541: 58 + 0 + 0 + 153 + 104 + 56 + 25 + 12 = 408; 408 − 37·11 = 1 ✓.
    //   MA1953684: M = 22 → 638, A = 0, then 19 + 153 + 65 + 21 + 30 + 24 = 950; 950 − 86·11 = 4 ✓.
    [Theory]
    [InlineData("100582333", true)]
    [InlineData("200988541", true)]
    [InlineData("MA1953684", true)]
    [InlineData("200988542", false)]
    [InlineData("900988541", false)] // no region 9
    [InlineData("10058233", false)]
    public void Belarusian_unp(string unp, bool valid) => Assert.Equal(valid, TaxIds.IsValidUnp(unp));

    // Kazakh BIN/IIN: Σ digit·i (i = 1…11) mod 11; a 10 → again with weights 3…11, 1, 2.
    //   940140000385: 9 + 8 + 0 + 4 + 20 + 0 + 0 + 0 + 0 + 30 + 88 = 159; 159 − 14·11 = 5 ✓.
    //   990140004654: 9 + 18 + 0 + 4 + 20 + 0 + 0 + 0 + 36 + 60 + 55 = 202; 202 − 18·11 = 4 ✓.
    //   940140000909: first round 9 + 8 + 4 + 20 + 90 = 131 = 11·11 + 10 → second round 27 + 16 + 6 + 28 + 9 = 86; 86 − 77 = 9 ✓.
    [Theory]
    [InlineData("940140000385", true)]
    [InlineData("990140004654", true)]
    [InlineData("940140000909", true)]
    [InlineData("940140000386", false)]
    [InlineData("940140000900", false)] // the first round's 10 must not be taken as 0
    public void Kazakh_bin(string bin, bool valid) => Assert.Equal(valid, TaxIds.IsValidKazakhBin(bin));

    // Steuernummer: a Land's layout (10 or 11 digits) or the federal 13-digit form with its Land code and the 0 in place 5.
    [Theory]
    [InlineData("18181508155", true)] // Bayern FFF/BBB/UUUUP, "181/815/08155"
    [InlineData("2181508150", true)] // Berlin FF/BBB/UUUUP, "21/815/08150"
    [InlineData("4151081508156", true)] // Thüringen, federal form 41FF0BBBUUUUP
    [InlineData("4151181508156", false)] // federal form without the 0
    [InlineData("136695978", false)] // 9 digits
    public void German_tax_number(string number, bool valid) => Assert.Equal(valid, TaxIds.IsValidGermanTaxNumber(number));

    [Theory]
    [InlineData("7707083893", null, TaxIdKind.Inn)]
    [InlineData("1027700132195", "RU", TaxIdKind.Ogrn)]
    [InlineData("DE136695976", "AT", TaxIdKind.GermanVatId)] // the prefix wins over the client's country
    [InlineData("18181508155", "DE", TaxIdKind.GermanTaxNumber)]
    [InlineData("ATU13585627", null, TaxIdKind.AustrianVatId)]
    [InlineData("CHE116281710", "CH", TaxIdKind.SwissUid)]
    [InlineData("100582333", "BY", TaxIdKind.BelarusUnp)]
    [InlineData("940140000385", "KZ", TaxIdKind.KazakhBin)]
    [InlineData("FR40303265045", null, TaxIdKind.Other)] // an EU VAT number without the client's country
    [InlineData("1234563218", "PL", TaxIdKind.Other)] // a Polish NIP: no rule of ours, taken as written
    [InlineData("SC123456", "GB", TaxIdKind.Other)]
    public void The_country_chooses_the_rule(string id, string? country, TaxIdKind kind)
    {
        var (found, problem) = TaxIds.Classify(id, country);

        Assert.Null(problem);
        Assert.Equal(kind, found);
    }

    [Theory]
    [InlineData("100582333", null)] // a UNP read as an INN (9 digits) for a client without a country
    [InlineData("940140000385", null)] // a BIN read as a 12-digit INN
    [InlineData("7707083893", "KZ")]
    [InlineData("7707083893", "BY")]
    [InlineData("123456789", "DE")] // 9 digits: no Land's layout
    [InlineData("AT13585627", "AT")]
    public void An_id_is_checked_by_its_countrys_rule(string id, string? country) => Assert.NotNull(TaxIds.Classify(id, country).Problem);

    [Fact]
    public void The_message_is_in_the_readers_language_with_the_value_as_written()
    {
        var errors = new Errors();
        errors.TaxId("taxId", "7707 083 894");
        errors.Kpp("kpp", "77360100", "7707083893");

        Assert.Equal("«7707 083 894» — неверный ИНН: не сходится контрольная цифра.", errors.FirstMessage("taxId")!.Render(CultureInfo.GetCultureInfo("ru")));
        Assert.Contains("„77360100“ ist keine gültige KPP", errors.FirstMessage("kpp")!.Render(CultureInfo.GetCultureInfo("de")));
    }

    [Fact]
    public void A_kpp_needs_an_organisations_inn()
    {
        var errors = new Errors();

        Assert.Equal("773601001", errors.Kpp("kpp", "7736 01 001", "7707083893"));
        Assert.False(errors.Any, errors.ToString());
        errors.Kpp("kpp", "773601001", "500100732259");
        Assert.Contains("10-digit INN", errors.First("kpp"));
    }

    [Fact]
    public void A_stored_english_message_is_said_again_in_the_readers_language()
    {
        var english = IdText.Say(CultureInfo.InvariantCulture, "'{0}' is not a valid Kazakh BIN/IIN (12 digits with a correct check digit).", "940140000386");

        Assert.Equal("«940140000386» — неверный казахстанский БИН/ИИН (12 цифр с верной контрольной цифрой).",
            IdText.Relocalize(english, CultureInfo.GetCultureInfo("ru")));
        Assert.Null(IdText.Relocalize("something else entirely", CultureInfo.GetCultureInfo("ru")));
    }
}
