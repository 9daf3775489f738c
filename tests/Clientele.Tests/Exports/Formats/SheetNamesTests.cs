using Clientele.Features.Exports.Formats;

namespace Clientele.Tests.Exports.Formats;

public sealed class SheetNamesTests
{
    [Theory]
    [InlineData("Clients", "Clients")]
    [InlineData("Sales 2025/26: [all] *?", "Sales 2025-26- (all)")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("   ", "Sheet")]
    [InlineData("history", "history 1")]
    [InlineData("a\\b\tc", "a-bc")]
    public void Titles_become_names_Excel_accepts(string title, string expected) =>
        Assert.Equal(expected, SheetNames.Sanitise(title));

    [Fact]
    public void Names_are_cut_to_31_characters()
    {
        var name = SheetNames.Sanitise("Выручка по менеджерам и каналам за последний год");

        Assert.Equal(31, name.Length);
        Assert.Equal("Выручка по менеджерам и каналам", name);
    }

    [Fact]
    public void Names_equal_but_for_case_are_told_apart_within_the_limit()
    {
        var names = SheetNames.For(["Report", "REPORT", new string('x', 40), new string('x', 35)]);

        Assert.Equal(["Report", "REPORT (2)", new string('x', 31), new string('x', 27) + " (2)"], names);
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
    }
}
