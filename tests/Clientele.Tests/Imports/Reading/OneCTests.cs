using Clientele.Features.Imports.Reading;

namespace Clientele.Tests.Imports.Reading;

/// <summary>1C's document presentations and "ИНН/КПП" cells, as its lists and reports write them.</summary>
public sealed class OneCTests
{
    [Theory]
    [InlineData("Реализация товаров и услуг 00УТ-000123 от 15.01.2025 12:00:00", "00УТ-000123")]
    [InlineData("Реализация (акт, накладная, УПД) 0000-000045 от 03.02.2025 0:00:00", "0000-000045")]
    [InlineData("Счет на оплату покупателю БП-17 от 1.2.2025", "БП-17")]
    [InlineData("A-1", "A-1")]
    [InlineData("INV 2025 от поставщика", "INV 2025 от поставщика")]
    public void A_document_presentation_gives_its_number_and_a_plain_number_stays(string cell, string number) =>
        Assert.Equal(number, OneC.DocumentNumber(cell));

    [Theory]
    [InlineData("7707083893/773601001", "7707083893", "773601001")]
    [InlineData("7707083893 / 773601001", "7707083893", "773601001")]
    [InlineData("500100732259", "500100732259", null)]
    [InlineData("DE136695976", "DE136695976", null)]
    public void An_inn_kpp_cell_is_split_and_any_other_tax_id_stays(string cell, string taxId, string? kpp) =>
        Assert.Equal((taxId, kpp), OneC.SplitTaxId(cell));
}
