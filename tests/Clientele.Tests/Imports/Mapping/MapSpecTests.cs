using Clientele.Features.Imports;
using Clientele.Features.Imports.Mapping;
using static Clientele.Tests.Imports.Mapping.AutoMappingTests;

namespace Clientele.Tests.Imports.Mapping;

/// <summary>The CLI's --map "Телефон=phone;Firma=name": parsed, checked against the fields and the file. Pure: no app.</summary>
public sealed class MapSpecTests
{
    private static readonly string[] Header = ["Firma", "Телефон", "Stadt", "Notiz"];

    [Fact]
    public void A_spec_maps_headers_to_field_keys_or_to_labels_in_any_language()
    {
        Assert.Equal(L("name", "phone", null, null), L(ImportMapping.ParseSpec("Телефон=phone;Firma=name", ImportKind.Clients, Header).Fields));
        // Labels on the right: Russian "Телефон", German "Stadt", English "Notes"; header case and spacing do not matter.
        Assert.Equal(L("name", "phone", "city", "notes"),
            L(ImportMapping.ParseSpec(" firma = Name ; Телефон=Телефон;Stadt=Stadt;NOTIZ=Notes;", ImportKind.Clients, Header).Fields));
    }

    [Fact]
    public void A_bad_spec_says_what_is_wrong_and_what_would_be_right()
    {
        var unknownField = Assert.Throws<ImportMappingException>(() => ImportMapping.ParseSpec("Телефон=fone", ImportKind.Clients, Header));
        Assert.Contains("'fone'", unknownField.Message);
        Assert.Contains("phone, email", unknownField.Message);

        var unknownHeader = Assert.Throws<ImportMappingException>(() => ImportMapping.ParseSpec("Tel=phone", ImportKind.Clients, Header));
        Assert.Contains("'Tel'", unknownHeader.Message);
        Assert.Contains("'Firma', 'Телефон', 'Stadt', 'Notiz'", unknownHeader.Message);

        Assert.Contains("header=field", Assert.Throws<ImportMappingException>(() => ImportMapping.ParseSpec("Телефон")).Message);
        Assert.Contains("header=field", Assert.Throws<ImportMappingException>(() => ImportMapping.ParseSpec("Телефон=")).Message);
        Assert.Contains("empty", Assert.Throws<ImportMappingException>(() => ImportMapping.ParseSpec(" ; ")).Message);
        Assert.Contains("two columns", Assert.Throws<ImportMappingException>(() => ImportMapping.ParseSpec("Firma=name;Stadt=name", ImportKind.Clients, Header)).Message);
        // A purchase field is no client field.
        Assert.Contains("'total'", Assert.Throws<ImportMappingException>(() => ImportMapping.ParseSpec("Firma=total", ImportKind.Clients, Header)).Message);
    }
}
