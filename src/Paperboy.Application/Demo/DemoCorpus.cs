using Microsoft.Extensions.Logging;
using Paperboy.Application.Importing;
using Paperboy.Core.Storage;

namespace Paperboy.Application.Demo;

/// <summary>
/// The demo corpus: four saved trending-papers pages (403 papers, arXiv metadata, CC0) shipped beside
/// the executable, loaded into an empty store so a new installation shows a working site at once.
/// </summary>
public sealed partial class DemoCorpus(IPaperStore store, ImportService importer, PaperboyOptions options, ILogger<DemoCorpus> logger)
{
    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "demo", "seeds");

    /// <summary>Imports the demo pages when enabled and the store is empty; returns the report, or null when nothing was done.</summary>
    public async Task<ImportReport?> EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken);
        if (!options.LoadDemoCorpus || await store.CountAsync(cancellationToken) > 0)
        {
            return null;
        }
        if (!Directory.Exists(SeedDirectory))
        {
            LogSeedsMissing(logger, SeedDirectory);
            return null;
        }
        var report = await importer.ImportAsync([SeedDirectory], progress: null, cancellationToken);
        LogLoaded(logger, report.PapersInStore, report.Files.Count);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "demo: the store was empty; loaded {Papers} papers from {Files} saved pages")]
    private static partial void LogLoaded(ILogger logger, long papers, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "demo: no seed pages at {Directory}; starting with an empty store")]
    private static partial void LogSeedsMissing(ILogger logger, string directory);
}
