using System.Globalization;
using Clientele.Data;
using Clientele.Features.Identity;
using Clientele.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Clientele.Tests.Identity;

/// <summary>12–128 characters, no composition rules, not on the shipped list of common passwords.</summary>
public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("short pass1", false)] // 11
    [InlineData("twelve chars", true)] // 12, only letters and a space: fine
    [InlineData("длинныйпарол", true)] // 12 Cyrillic letters (24 bytes): counted as 12 characters
    [InlineData("длинныйпаро", false)]
    public void Length_counts_characters_from_12(string password, bool ok) =>
        Assert.Equal(ok, PasswordRules.Problem(password) is null);

    [Fact]
    public void At_most_128_characters()
    {
        Assert.Null(PasswordRules.Problem(new string('x', 100) + "unique tail 1234567890abcdefg"[..28]));
        Assert.Equal("The password must have at most 128 characters.", PasswordRules.Problem(new string('y', 120) + "abcdefghi"));
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("PassWord1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("йцукенгшщзхъ")]
    [InlineData("ЙЦУКЕНГШЩЗХЪ")]
    [InlineData("qwertzuiopü+")]
    [InlineData("passwort1234")]
    [InlineData("пароль123456")]
    [InlineData("ichliebedich123")]
    public void Common_passwords_are_refused_whatever_their_case(string password) =>
        Assert.Equal("This password is one of the most common ones; choose another.", PasswordRules.Problem(password));

    [Fact]
    public void The_shipped_list_has_thousands_of_entries_all_long_enough_to_pass_the_length_rule()
    {
        Assert.InRange(PasswordRules.CommonCount, 1000, 20000);
        Assert.Null(PasswordRules.Problem("a-long-test-passphrase"));
    }

    [Theory]
    [InlineData("en", "This password is one of the most common ones; choose another.")]
    [InlineData("ru", "Это один из самых распространённых паролей; выберите другой.")]
    [InlineData("de", "Dieses Passwort gehört zu den häufigsten; wählen Sie ein anderes.")]
    public async Task Identity_refuses_a_common_password_with_a_translated_message(string culture, string message)
    {
        var app = new SqliteApp();
        await app.InitializeAsync();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            await using var scope = app.App.Services.CreateSystemScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Employee>>();
            var result = await users.CreateAsync(new Employee { UserName = "p@x.test", Email = "p@x.test", DisplayName = "P" }, "Password1234");

            Assert.False(result.Succeeded);
            Assert.Equal([message], result.Errors.Select(e => e.Description));
            Assert.Null(await users.FindByEmailAsync("p@x.test"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            await app.DisposeAsync();
        }
    }
}
