using Ctms.Studio.Components;
using Ctms.Studio.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using MudBlazor.Services;

namespace Ctms.Studio;

public static class StudioServiceCollectionExtensions
{
    /// <summary>Registers the Blazor Server studio: components, MudBlazor, localization and the page services.</summary>
    public static IServiceCollection AddCtmsStudio(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization();
        // Write Chinese text as text, not as &#x...; entities (the default encoder escapes everything beyond Latin).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddScoped<StudioSender>();
        services.AddScoped<StudioEngine>();
        services.AddScoped<TaskCompletion>();
        services.AddScoped<InboxLive>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        return services;
    }

    /// <summary>Serves the studio at <c>/</c>.</summary>
    public static IEndpointRouteBuilder MapCtmsStudio(this IEndpointRouteBuilder app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
