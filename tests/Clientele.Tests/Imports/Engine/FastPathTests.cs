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
