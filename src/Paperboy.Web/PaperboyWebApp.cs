using Paperboy.Application;
using Paperboy.Application.Contracts;
using Paperboy.Application.Digests;
using Paperboy.Application.Mail;
using Paperboy.Application.Semantic;
using Paperboy.Application.Syncing;
using Paperboy.Web.Accounts;
using Paperboy.Web.Api;
using Paperboy.Web.Feeds;
using Paperboy.Web.Hosting;

namespace Paperboy.Web;

/// <summary>Builds the web application: options, services, pages, the JSON API and the assets.</summary>
public static class PaperboyWebApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        builder.Services.AddPaperboy(provider => PaperboyConfiguration.Read(provider.GetRequiredService<IConfiguration>()));
        builder.Services.AddHostedService<DemoCorpusLoader>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<SyncScheduler>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<OutboxSenderService>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<DigestScheduler>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<EmbeddingService>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<Paperboy.Application.Searching.StoreChangeFollower>());
        // Pages live in this assembly; name it, since under `paperboy serve` the entry assembly is the CLI.
        builder.Services.AddRazorPages(options => options.Conventions.AddPageRoute("/Lists", ""))
            .AddApplicationPart(typeof(PaperboyWebApp).Assembly);
        // The JSON API described from its endpoints, served at /openapi/v1.json.
        builder.Services.AddOpenApi();
        // One line per request is noise at this size; warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddPaperboyAuthentication();
        builder.Services.AddAntiforgery();
        builder.Services.ConfigureHttpJsonOptions(json => ResourceJson.Configure(json.SerializerOptions));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        // Razor Pages check anti-forgery tokens on every POST themselves; this covers minimal-API form posts.
        app.UseAntiforgery();
        app.MapAssets();
        app.MapApi();
        app.MapOpenApi();
        app.MapFeeds();
        app.MapRazorPages();
        return app;
    }
}
