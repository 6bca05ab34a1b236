using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace Ctms.Studio;

/// <summary>The studio's languages: English and Simplified Chinese. The choice is kept in the culture cookie.</summary>
public static class StudioCultures
{
    public static readonly string[] Supported = ["en", "zh-CN"];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Supported[0])
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.FallBackToParentCultures = true;
        options.FallBackToParentUICultures = true;
        // Order: the user's explicit choice (cookie) first, then the browser's languages.
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }
}
