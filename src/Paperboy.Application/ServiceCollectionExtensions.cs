using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Catalog;
using Paperboy.Application.Demo;
using Paperboy.Application.Evaluation;
using Paperboy.Application.Importing;
using Paperboy.Application.Searching;
using Paperboy.Core.Storage;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Application;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the store and the services that the CLI and the web app share.</summary>
    public static IServiceCollection AddPaperboy(this IServiceCollection services, PaperboyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return services.AddPaperboy(_ => options);
    }

    /// <summary>
    /// The same, with options resolved when first needed: the web host reads them from its final
    /// configuration, which test hosts and the CLI amend after the app is declared.
    /// </summary>
    public static IServiceCollection AddPaperboy(this IServiceCollection services, Func<IServiceProvider, PaperboyOptions> options)
    {
        services.AddSingleton(options);
        services.AddSingleton(provider => provider.GetRequiredService<PaperboyOptions>().Search);
        services.AddSingleton<IPaperStore>(provider => SqlitePaperStore.InDataDirectory(provider.GetRequiredService<PaperboyOptions>().DataDirectory));
        services.AddSingleton<PaperSearchService>();
        services.AddSingleton<PaperCatalog>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<DemoCorpus>();
        services.AddSingleton<EvaluationService>();
        return services;
    }
}
