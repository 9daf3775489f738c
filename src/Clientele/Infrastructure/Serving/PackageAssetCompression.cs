using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Clientele.Infrastructure.Serving;

/// <summary>
/// Compresses the component library's files (<c>/_content/…</c>) on the way out when the build gave them no compressed
/// copy. The build compresses every asset, but the static-assets manifest offers the compressed copy only at a
/// library file's plain address, not at its fingerprinted one that the pages link (<c>@Assets[...]</c>, cached for a
/// year): Radzen's 818 KB theme and its script went out whole on every first visit (ADR 050). An answer the manifest
/// already compressed carries its Content-Encoding and is passed through untouched. These files are public and hold
/// nothing of the user's, so compressing them over HTTPS reveals nothing (the reason the middleware is off for HTTPS
/// by default); the app's own pages and API answers are not compressed.
/// </summary>
public static class PackageAssetCompression
{
    public static IServiceCollection AddPackageAssetCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Once per browser and library version (the address is immutable): the fastest level keeps the server's CPU low.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UsePackageAssetCompression(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/_content", StringComparison.Ordinal), branch => branch.UseResponseCompression());
        return app;
    }
}
