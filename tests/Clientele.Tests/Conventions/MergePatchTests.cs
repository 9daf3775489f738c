using System.Text.Json;
using Clientele.Infrastructure.Api;

namespace Clientele.Tests.Conventions;

public sealed class MergePatchTests
{
    public enum Colour { Red, Green }

    public sealed record Address(string? Street, string? City);

    public sealed record Sample(string Name, string? City, int Count, Colour Colour, Address? Address, string[] Tags);

    private static readonly Sample Original = new("Acme", "Omsk", 3, Colour.Red, new Address("Lenina 1", "Omsk"), ["a", "b"]);

    private static Sample Patch(string json) => ApiConventions.MergePatch(Original, JsonDocument.Parse(json).RootElement);

    [Fact]
    public void An_empty_patch_changes_nothing() =>
        Assert.Equivalent(Original, Patch("{}"), strict: true);

    [Fact]
    public void Only_the_given_members_change() =>
        Assert.Equivalent(Original with { City = "Tomsk", Count = 4 }, Patch("""{"city":"Tomsk","count":4}"""), strict: true);

    [Fact]
    public void Null_removes_a_member() =>
        Assert.Equivalent(Original with { City = null, Address = null }, Patch("""{"city":null,"address":null}"""), strict: true);

    [Fact]
    public void Objects_merge_member_by_member() =>
        Assert.Equivalent(Original with { Address = new Address("Mira 5", "Omsk") }, Patch("""{"address":{"street":"Mira 5"}}"""), strict: true);

    [Fact]
    public void A_null_inside_a_nested_object_removes_only_that_member() =>
        Assert.Equivalent(Original with { Address = new Address("Lenina 1", null) }, Patch("""{"address":{"city":null}}"""), strict: true);

    [Fact]
    public void Arrays_are_replaced_whole() =>
        Assert.Equal(["z"], Patch("""{"tags":["z"]}""").Tags);

    [Fact]
    public void Member_names_match_case_insensitively_and_enums_read_by_name_or_number()
    {
        Assert.Equal("Renamed", Patch("""{"NAME":"Renamed"}""").Name);
        Assert.Equal(Colour.Green, Patch("""{"colour":"Green"}""").Colour);
        Assert.Equal(Colour.Green, Patch("""{"Colour":1}""").Colour);
    }

    [Fact]
    public void Unknown_members_are_ignored() =>
        Assert.Equivalent(Original, Patch("""{"shoeSize":44}"""), strict: true);

    [Fact]
    public void A_value_of_the_wrong_type_names_its_path()
    {
        var e = Assert.ThrowsAny<JsonException>(() => Patch("""{"address":{"city":5}}"""));

        Assert.Equal("address.city", ApiConventions.JsonField(e));
        Assert.Equal("count", ApiConventions.JsonField(Assert.ThrowsAny<JsonException>(() => Patch("""{"count":"lots"}"""))));
    }
}
