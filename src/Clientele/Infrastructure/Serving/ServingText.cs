using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clientele.Infrastructure.Serving;

/// <summary>
/// Marker for the texts of serving (the start's refusals and report, the insecure-address notice) in
/// ServingText.{ru,de}.resx beside it; English is the key itself.
/// </summary>
public sealed class ServingText
{
    /// <summary>The texts before any service container exists (the web host refuses to start while it is being built), in the process's language.</summary>
    public static IStringLocalizer Localizer() =>
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(ServingText));
}
