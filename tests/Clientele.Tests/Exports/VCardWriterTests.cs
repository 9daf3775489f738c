using System.Text;
using Clientele.Features.Exports;

namespace Clientele.Tests.Exports;

public sealed class VCardWriterTests
{
    private static List<List<VCardProperty>> Write(VCardVersion version, Action<VCardWriter> write)
    {
        var output = new MemoryStream();
        write(new VCardWriter(output, version));
        return VCardText.Parse(output.ToArray());
    }

    [Fact]
    public void Long_Cyrillic_umlaut_and_emoji_values_fold_at_75_octets_and_read_back_whole()
    {
        var cyrillic = string.Concat(Enumerable.Repeat("Общество с ограниченной ответственностью «Ёлки», ", 4));
        var german = string.Concat(Enumerable.Repeat("Größenänderungsmaßnahmen für Müller & Söhne; ", 4));
        var emoji = string.Concat(Enumerable.Repeat("👍🏽 ok ", 20));
        var cards = Write(VCardVersion.V4, w =>
        {
            w.Begin(VCardWriter.Uid("client", 1), organisation: true);
            w.Text("FN", cyrillic);
            w.Text("NOTE", german + "\nzweite Zeile\r\ndritte");
            w.Text("X-EMOJI", emoji);
            w.End();
        });

        var card = Assert.Single(cards);
        Assert.Equal(cyrillic.Trim(), card.One("FN"));
        Assert.Equal((german + "\nzweite Zeile\ndritte").Trim(), card.One("NOTE"));
        Assert.Equal(emoji.Trim(), card.One("X-EMOJI"));
        Assert.Equal("4.0", card.One("VERSION"));
        Assert.Equal("org", card.One("KIND"));
    }

    [Fact]
    public void Commas_semicolons_and_backslashes_are_escaped_in_text_structured_and_list_values()
    {
        var cards = Write(VCardVersion.V3, w =>
        {
            w.Begin("urn:uuid:x", organisation: false);
            w.Text("FN", @"Anna, Maria; C:\Temp");
            w.Structured("ADR;TYPE=work", "", "", "", "Köln; Innenstadt", "NRW, Rheinland", "", "Deutschland");
            w.List("CATEGORIES", ["VIP, gold", "dealer;north", "plain"]);
            w.End();
        });

        var card = Assert.Single(cards);
        var fn = card.Single(p => p.Name == "FN");
        Assert.Equal(@"Anna\, Maria\; C:\\Temp", fn.Raw);
        Assert.Equal(@"Anna, Maria; C:\Temp", fn.Value);
        Assert.Equal(["", "", "", "Köln; Innenstadt", "NRW, Rheinland", "", "Deutschland"], card.Single(p => p.Name == "ADR").Components);
        Assert.Equal(["VIP, gold", "dealer;north", "plain"], VCardText.SplitUnescaped(card.Single(p => p.Name == "CATEGORIES").Raw, ',').Select(VCardText.Unescape));
        Assert.Equal("3.0", card.One("VERSION"));
        Assert.DoesNotContain(card, p => p.Name == "KIND");
    }

    [Fact]
    public void Uids_are_stable_per_record_and_distinct_between_records()
    {
        Assert.Equal(VCardWriter.Uid("client", 42), VCardWriter.Uid("client", 42));
        Assert.NotEqual(VCardWriter.Uid("client", 42), VCardWriter.Uid("client", 43));
        Assert.NotEqual(VCardWriter.Uid("client", 42), VCardWriter.Uid("contact", 42));
        Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", VCardWriter.Uid("client", 42));
    }

    [Fact]
    public void Russian_names_are_family_name_first_others_given_name_first()
    {
        Assert.Equal(["Иванов", "Иван", "Иванович", "", ""], ClientCards.PersonName("Иванов Иван Иванович"));
        Assert.Equal(["Schmidt", "Anna", "Maria", "", ""], ClientCards.PersonName("Anna Maria Schmidt"));
        Assert.Equal(["Cher", "", "", "", ""], ClientCards.PersonName("Cher"));
    }

    [Fact]
    public void A_line_exactly_at_the_limit_is_not_folded()
    {
        var output = new MemoryStream();
        new VCardWriter(output, VCardVersion.V4).Line(new string('x', 75));
        Assert.Equal(new string('x', 75) + "\r\n", Encoding.ASCII.GetString(output.ToArray()));
    }
}
