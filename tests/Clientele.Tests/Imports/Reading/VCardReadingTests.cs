using System.Text;
using Clientele.Features.Imports.Mapping;
using Clientele.Features.Imports.Reading;
using static Clientele.Tests.Imports.Reading.ReadingCorpus;

namespace Clientele.Tests.Imports.Reading;

/// <summary>Address books as Google, Apple, Outlook and old phones export them, read as client rows.</summary>
public sealed class VCardReadingTests : IDisposable
{
    private readonly ReadingCorpus corpus = new();

    public void Dispose() => corpus.Dispose();

    private static string Value(IReadOnlyList<string> header, string[] values, string key) => values[header.ToList().IndexOf(key)];

    [Fact]
    public void Google_Apple_Outlook_and_vCard_4_samples()
    {
        // Google Contacts 3.0: a person with a folded note, escapes and categories.
        const string google = """
            BEGIN:VCARD
            VERSION:3.0
            FN:Анна Петрова
            N:Петрова;Анна;;;
            EMAIL;TYPE=INTERNET;TYPE=HOME:anna@example.ru
            TEL;TYPE=CELL:+7 916 111-22-33
            ADR;TYPE=HOME:;;ул. Ленина\, 5;Казань;Татарстан;420000;Россия
            NOTE:Постоянная клиентка\, любит скидки.\nЗвонить после 18:00
             , по будням
            CATEGORIES:VIP,myContacts
            END:VCARD

            """;
        // Apple Contacts 3.0: a company card, grouped properties, a preferred phone that is not the first.
        const string apple = """
            BEGIN:VCARD
            VERSION:3.0
            PRODID:-//Apple Inc.//macOS 14.0//EN
            N:Schmidt;Jonas;;;
            FN:Jonas Schmidt
            ORG:Müller & Söhne GmbH;Einkauf
            TITLE:Einkaufsleiter
            item1.EMAIL;type=INTERNET;type=pref:j.schmidt@mueller-soehne.de
            item1.X-ABLabel:_$!<Work>!$_
            TEL;type=WORK;type=VOICE:+49 30 1234567
            TEL;type=CELL;type=VOICE;type=pref:+49 171 7654321
            item2.URL;type=pref:https://mueller-soehne.de
            PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD
            END:VCARD

            """;
        // Outlook / old phones 2.1: bare types, quoted-printable with a soft line break, a charset.
        const string outlook = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=A1=D0=B8=D0=B4=D0=BE=D1=80=D0=BE=D0=B2;=D0=98=D0=B2=D0=B0=D0=BD\r\n"
            + "FN;CHARSET=windows-1251;ENCODING=QUOTED-PRINTABLE:=C8=E2=E0=ED =D1=E8=E4=EE=\r\n=F0=EE=E2\r\nTEL;WORK;VOICE:+7 (495) 555-12-12\r\nEMAIL;PREF;INTERNET:ivan@sidorov.ru\r\nEND:VCARD\r\n";
        // vCard 4.0: KIND:org, a tel: URI, TYPE in quotes.
        const string v4 = """
            BEGIN:VCARD
            VERSION:4.0
            KIND:org
            FN:Берёза АО
            TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+7-812-555-0000
            EMAIL:info@bereza.ru
            ADR;TYPE=work:;;Невский пр. 1;Санкт-Петербург;;190000;Россия
            END:VCARD
            """;
        var path = corpus.Write("contacts.vcf", "\uFEFF" + google + apple + outlook + v4, new UTF8Encoding(false));
        var read = ReadAll(path);
        Assert.Equal("vCard 3.0", read.Description);
        Assert.Equal(VCardTabularReader.Columns, read.Header);
        Assert.All(read.Header, key => Assert.Contains(key, ClientFieldKeys.All));
        Assert.Equal([1L, 12, 26, 34], read.Rows.Select(r => r.Line));
        Assert.All(read.Rows, r => Assert.Null(r.Error));
        string Get(int row, string key) => Value(read.Header, read.Rows[row].Values, key);

        Assert.Equal(("Анна Петрова", "person", "+7 916 111-22-33", "anna@example.ru"), (Get(0, "name"), Get(0, "kind"), Get(0, "phone"), Get(0, "email")));
        Assert.Equal(("Казань", "Татарстан", "Россия"), (Get(0, "city"), Get(0, "region"), Get(0, "country")));
        Assert.Equal("Постоянная клиентка, любит скидки.\nЗвонить после 18:00, по будням", Get(0, "notes"));
        Assert.Equal("VIP, myContacts", Get(0, "tags"));

        Assert.Equal(("Müller & Söhne GmbH", "company", "Jonas Schmidt", "Einkaufsleiter"), (Get(1, "name"), Get(1, "kind"), Get(1, "contact_name"), Get(1, "contact_position")));
        Assert.Equal(("+49 171 7654321", "j.schmidt@mueller-soehne.de", "", ""), (Get(1, "contact_phone"), Get(1, "contact_email"), Get(1, "phone"), Get(1, "email")));
        Assert.Equal("https://mueller-soehne.de", Get(1, "website"));

        Assert.Equal(("Иван Сидоров", "person", "+7 (495) 555-12-12", "ivan@sidorov.ru"), (Get(2, "name"), Get(2, "kind"), Get(2, "phone"), Get(2, "email")));

        Assert.Equal(("Берёза АО", "company", "", "+7-812-555-0000"), (Get(3, "name"), Get(3, "kind"), Get(3, "contact_name"), Get(3, "phone")));
        Assert.Equal(("info@bereza.ru", "Санкт-Петербург"), (Get(3, "email"), Get(3, "city")));
    }

    [Fact]
    public void Invalid_properties_reject_their_card_and_the_file_reads_on()
    {
        var text = "BEGIN:VCARD\nVERSION:3.0\nFN:Good One\nEND:VCARD\n"
                   + "BEGIN:VCARD\nVERSION:3.0\nFN:No Colon\nthis line has no colon\nEND:VCARD\n"
                   + "BEGIN:VCARD\nVERSION:5.1\nFN:Future\nEND:VCARD\n"
                   + "BEGIN:VCARD\nVERSION:3.0\nFN;ENCODING=QUOTED-PRINTABLE:=ZZ\nEND:VCARD\n"
                   + "BEGIN:VCARD\nVERSION:3.0\nEMAIL:nobody@example.com\nEND:VCARD\n"
                   + "BEGIN:VCARD\nVERSION:3.0\nFN:Last Good\nEND:VCARD\n";
        var bytes = Encoding.UTF8.GetBytes(text).Concat(Encoding.UTF8.GetBytes("BEGIN:VCARD\nVERSION:3.0\nFN:"))
            .Concat(new byte[] { 0xC8, 0xE2, 0xE0, 0xED, (byte)'\n' }).Concat(Encoding.UTF8.GetBytes("END:VCARD\n")).ToArray();
        var read = ReadAll(corpus.Write("broken.vcf", bytes));
        Assert.Equal([1L, 5, 10, 14, 18, 22, 26], read.Rows.Select(r => r.Line));
        Assert.Equal([
            null,
            "line 8: 'this line has no colon' is not a property (no ':')",
            "line 11: VERSION:5.1 is not a vCard version (2.1, 3.0 or 4.0)",
            "line 16: FN has broken quoted-printable encoding",
            "the card names nobody (no FN, N or ORG)",
            null,
            "line 28: FN is not valid UTF-8 (bad encoding)",
        ], read.Rows.Select(r => r.Error));
        Assert.Equal("Last Good", read.Rows[5].Values[0]);
    }

    [Fact]
    public void A_card_without_end_is_a_located_error_and_a_huge_card_is_rejected_alone()
    {
        Fails(corpus.Write("no-end.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:B\n", Encoding.ASCII),
            "BEGIN:VCARD without END:VCARD", 5);
        Fails(corpus.Write("nested.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n", Encoding.ASCII),
            "BEGIN:VCARD without END:VCARD (the next card begins on line 4)", 1);

        var huge = new StringBuilder("BEGIN:VCARD\nVERSION:3.0\nFN:Photo Person\nPHOTO;ENCODING=b:");
        for (var i = 0; i < 40_000; i++) huge.Append(" QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n"[1..]).Append(' ');
        huge.Append("\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:After\nEND:VCARD\n");
        var read = ReadAll(corpus.Write("huge.vcf", huge.ToString(), Encoding.ASCII));
        Assert.Equal(2, read.Rows.Count);
        Assert.Equal("the card is larger than 1 MB", read.Rows[0].Error);
        Assert.Equal(("After", (string?)null), (read.Rows[1].Values[0], read.Rows[1].Error));
    }
}
