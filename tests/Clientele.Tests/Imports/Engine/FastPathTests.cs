using Clientele.Features.Imports;
using Clientele.Features.Imports.Engine;
using Clientele.Infrastructure.Validation;

namespace Clientele.Tests.Imports.Engine;

/// <summary>The import's shortcuts must answer exactly as the full checks they stand in for; pure, no app.</summary>
public sealed class FastPathTests
{
    public static TheoryData<string> Emails() =>
    [
        "client1@example1.ru", "Ivan.Petrov@Firma.DE", "a@b.c", "x+tag@mail.example.com", "first_last%dept@host-1.example.org",
        "o'brien@example.com", "user@localhost", "user@@example.com", "@example.com", "user@", ".user@example.com", "user.@example.com",
        "us..er@example.com", "user@example..com", "user@-example.com", "user@example-.com", "user@example.com.", "us er@example.com",
        "\"quoted\"@example.com", "user@[127.0.0.1]", "иван@пример.рф", "user@exa_mple.com", "user@example.com ", " user@example.com",
        "a@b", "user@1.2", "very.long.local.part.that.goes.on.and.on.and.on.beyond.sixty.four.chars@example.com",
        "user@" + new string('a', 64) + ".com", "user@" + string.Join(".", Enumerable.Repeat("abc", 70)), "plain", "",
    ];

    [Theory]
    [MemberData(nameof(Emails))]
    public void Email_fast_path_gives_the_full_checks_answer(string input)
    {
        var full = new Errors();
        var fast = new Errors();
        var expected = full.Email("email", input);
        var actual = EmailFastPath.Check(fast, "email", input);
        Assert.Equal(expected, actual);
        Assert.Equal(full.First("email"), fast.First("email"));
        if (EmailFastPath.IsPlain(input)) Assert.Equal(input.ToLowerInvariant(), ContactRules.NormalizeEmail(input));
    }

    [Fact]
    public void Owner_table_keeps_every_row_and_its_empty_references()
    {
        var table = new OwnerTable();
        for (long seq = 1; seq <= 200_000; seq += 3)
            table.Set(seq, new OwnerTable.Owner(ImportRowAction.Create, seq + 1, seq % 2 == 0 ? seq * 10 : null, seq % 2 == 0 ? null : seq));
        Assert.Equal(new OwnerTable.Owner(ImportRowAction.Create, 2, null, 1), table[1]);
        Assert.Equal(new OwnerTable.Owner(ImportRowAction.Create, 199_997, 1_999_960, null), table[199_996]);
        Assert.Equal(new OwnerTable.Owner(ImportRowAction.Create, 200_000, null, 199_999), table[199_999]);
        table.Set(70_000, new OwnerTable.Owner(ImportRowAction.Skip, 70_001, 5, null));
        Assert.Equal(ImportRowAction.Skip, table[70_000].Action);
        Assert.Throws<KeyNotFoundException>(() => table[2]);
        Assert.Throws<KeyNotFoundException>(() => table[900_000]);
    }
}

/// <summary>The phone shortcut against libphonenumber's full parse, on written forms people and exports use; pure.</summary>
public sealed class PhoneFastPathTests
{
    [Fact]
    public void Phone_fast_path_gives_the_full_parses_answer_for_every_written_form()
    {
        var random = new Random(7);
        var inputs = new List<(string Text, string Region)>
        {
            ("+7 916 123-45-67", "RU"), ("8 (916) 1234567", "RU"), ("89161234567", "RU"), ("+7 8 916 123 45 67", "RU"), ("8 10 49 30 1234567", "RU"),
            ("810 49 30 12345678", "RU"), ("7 916 123 45 67", "RU"), ("+7 (495) 123-45-67", "RU"), ("8 800 555 35 35", "RU"), ("12", "RU"), ("123", "RU"),
            ("+49 30 12345678", "DE"), ("030 12345678", "DE"), ("0151 12345678", "DE"), ("+49 (0) 30 1234567", "DE"), ("0049 30 1234567", "DE"),
            ("+39 06 1234 5678", "DE"), ("+1 (650) 253-0000", "RU"), ("+800 1234 5678", "RU"), ("+999 123 456", "RU"), ("+7", "RU"),
            ("(916) 123-45-67", "RU"), ("916.123.45.67", "RU"), ("++7 916 1234567", "RU"), ("+7 916 123-45-67 доб. 12", "RU"), ("tel:+79161234567", "RU"),
            ("+7 916 ABC-45-67", "RU"), ("8 (916) 1234567", "XX"), ("+44 20 7946 0958", "DE"), ("0 800 123 4567", "DE"), ("+7 000 000 00 00", "RU"),
        };
        for (var i = 0; i < 3000; i++)
        {
            var region = i % 3 == 0 ? "DE" : "RU";
            var national = region == "RU"
                ? random.Next(3, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + random.NextInt64(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture)
                : random.Next(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + random.NextInt64(0, 10_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var code = region == "RU" ? "7" : "49";
            var trunk = region == "RU" ? "8" : "0";
            inputs.Add((random.Next(4) switch
            {
                0 => $"+{code} {national[..3]} {national[3..]}",
                1 => $"{trunk} ({national[..3]}) {national[3..]}",
                2 => trunk + national,
                _ => national,
            }, region));
        }
        var shortcuts = 0;
        foreach (var (text, region) in inputs)
        {
            var expected = ContactRules.NormalizePhone(text, region);
            if (PhoneFastPath.TryValid(text, region) is { } fast)
            {
                shortcuts++;
                Assert.True(expected == fast, $"'{text}' in {region}: full parse {expected ?? "invalid"}, shortcut {fast}");
            }
            Assert.Equal(expected, PhoneFastPath.Normalize(text, region));
        }
        Assert.True(shortcuts > 1000, $"the shortcut answered {shortcuts} of {inputs.Count}");
    }
}
