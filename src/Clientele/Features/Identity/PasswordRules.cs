using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Clientele.Features.Identity;

/// <summary>
/// ASVS 5.0 / NIST 800-63B: 12 to 128 characters, no composition rules, and not one of the most common passwords
/// (the list ships inside the app: CommonPasswords.txt). Length counts Unicode characters, so "пароль" is 6, not 12 bytes.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>The rule a password breaks, as an English text (the key of its translation), or null when it is fine.</summary>
    public static string? Problem(string? password)
    {
        var length = password?.EnumerateRunes().Count() ?? 0;
        if (length < MinLength) return "The password must have at least 12 characters.";
        if (length > MaxLength) return "The password must have at most 128 characters.";
        if (IsCommon(password!)) return "This password is one of the most common ones; choose another.";
        return null;
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public static int CommonCount => Common.Value.Count;

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Clientele.Features.Identity.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line);
        }
        return set;
    }
}

/// <summary>Identity's password check, with translated messages; it replaces the built-in composition validator.</summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SignInText>? text = null) : IPasswordValidator<Employee>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Employee> manager, Employee user, string? password)
    {
        var problem = PasswordRules.Problem(password);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordRules", Description = text?[problem] ?? problem }));
    }
}
