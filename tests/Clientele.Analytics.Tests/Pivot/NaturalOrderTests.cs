using Clientele.Analytics.Pivot;

namespace Clientele.Analytics.Tests.Pivot;

public sealed class NaturalOrderTests
{
    [Fact]
    public void Numbers_inside_labels_sort_by_value_and_text_without_case()
    {
        string[] labels = ["Q10", "q2", "2025-11", "2025-03", "10", "9", "beta", "Alpha", "Борис", "Анна", ""];

        var sorted = labels.Order(NaturalOrder.Instance).ToArray();

        Assert.Equal(["", "9", "10", "2025-03", "2025-11", "Alpha", "beta", "q2", "Q10", "Анна", "Борис"], sorted);
    }

    [Fact]
    public void Labels_equal_but_for_case_or_leading_zeros_still_have_a_fixed_order()
    {
        Assert.NotEqual(0, NaturalOrder.Instance.Compare("a", "A"));
        Assert.Equal(-NaturalOrder.Instance.Compare("a", "A"), NaturalOrder.Instance.Compare("A", "a"));
        Assert.NotEqual(0, NaturalOrder.Instance.Compare("07", "7"));
        Assert.True(NaturalOrder.Instance.Compare("7", "08") < 0);
    }

    [Fact]
    public void Tuples_compare_part_by_part()
    {
        Assert.True(NaturalOrder.Instance.Compare(["Ann", "2025-10"], ["Ann", "2025-9"]) > 0);
        Assert.True(NaturalOrder.Instance.Compare(["Ann", "z"], ["Bob", "a"]) < 0);
    }
}
