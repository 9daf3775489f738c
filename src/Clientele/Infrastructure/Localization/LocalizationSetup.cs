using Microsoft.AspNetCore.Localization;

namespace Clientele.Infrastructure.Localization;

public static class LocalizationSetup
{
    public static readonly string[] Cultures = ["ru", "de", "en"];

    public static IServiceCollection AddClienteleLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("en");
            o.AddSupportedCultures(Cultures);
            o.AddSupportedUICultures(Cultures);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // The user's own choice (a cookie, also set at sign-in from their profile) beats the browser's language.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return services;
    }
}
