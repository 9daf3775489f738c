using Clientele.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Clientele.Infrastructure.Localization;

/// <summary>Switches the interface language for this browser and, when signed in, for the user everywhere.</summary>
public static class CultureApi
{
    public static IEndpointRouteBuilder MapCulture(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{culture}", Switch).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<RedirectHttpResult> Switch(string culture, string? redirect, HttpContext http, ClienteleDb db)
    {
        if (!LocalizationSetup.Cultures.Contains(culture)) culture = "en";
        WriteCookie(http, culture);
        if (CurrentUser.IdOf(http.User) is { } id)
            await db.Set<Employee>().Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Culture, culture));
        var target = redirect is { Length: > 0 } && redirect.StartsWith('/') && !redirect.StartsWith("//", StringComparison.Ordinal) ? redirect : "/";
        return TypedResults.LocalRedirect(target);
    }

    public static void WriteCookie(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
}
