using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Paperboy.Application.Accounts;
using Paperboy.Application.Browsing;
using Paperboy.Application.Catalog;
using Paperboy.Application.Demo;
using Paperboy.Application.Digests;
using Paperboy.Application.Evaluation;
using Paperboy.Application.Follows;
using Paperboy.Application.Importing;
using Paperboy.Application.Library;
using Paperboy.Application.Lists;
using Paperboy.Application.Mail;
using Paperboy.Application.Searching;
using Paperboy.Application.Semantic;
using Paperboy.Application.Syncing;
using Paperboy.Application.Upvotes;
using Paperboy.Ingest.Http;
using Paperboy.Ingest.Sources;
using Paperboy.Ingest.Sources.ArxivApi;
using Paperboy.Ingest.Sources.ArxivRss;
using Paperboy.Ingest.Sources.HuggingFace;
using Paperboy.Ingest.Sources.OaiPmh;
using Paperboy.Core.Storage;
using Paperboy.Storage.Postgres;
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
        // The SQLite file in the data directory always exists: it is the store of every contract unless
        // Paperboy:Store names a PostgreSQL database, which then serves them all.
        services.AddSingleton(provider => SqlitePaperStore.InDataDirectory(provider.GetRequiredService<PaperboyOptions>().DataDirectory));
        services.AddSingleton<IPaperStore>(provider => provider.GetRequiredService<PaperboyOptions>() is { UsesPostgres: true } options
            ? new PostgresPaperStore(options.Store!)
            : provider.GetRequiredService<SqlitePaperStore>());
        services.AddSingleton<StoreMigrations>();
        services.AddSingleton(provider => provider.GetRequiredService<PaperboyOptions>().Semantic);
        services.AddSingleton<EmbedderProvider>();
        services.AddSingleton<PaperEmbeddings>();
        services.AddSingleton<SemanticSearch>();
        services.AddSingleton<EmbeddingService>();
        services.AddSingleton<PaperSearchService>();
        services.AddSingleton<StoreChangeFollower>();
        services.AddSingleton<PaperCatalog>();
        services.AddSingleton(provider => provider.GetRequiredService<PaperboyOptions>().Trending);
        // The accounts' votes; a host may register another source first (TryAdd), as tests of lists do.
        services.TryAddSingleton<ILocalUpvoteCounts, StoredLocalUpvoteCounts>();
        services.AddSingleton<PaperListService>();
        services.AddSingleton<BrowseService>();
        services.AddSingleton<SimilarPapers>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<DemoCorpus>();
        services.AddSingleton<EvaluationService>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(provider => provider.GetRequiredService<PaperboyOptions>().Fetch);
        services.AddSingleton(provider => provider.GetRequiredService<PaperboyOptions>().Sources);
        services.AddSingleton(provider => provider.GetRequiredService<PaperboyOptions>().Sync);
        services.AddSingleton<ISyncStateStore>(provider => (ISyncStateStore)provider.GetRequiredService<IPaperStore>());
        services.AddSingleton<IJobLocks>(provider => (IJobLocks)provider.GetRequiredService<IPaperStore>());
        // One client for the process: its pooled connections are recycled so DNS changes are seen.
        services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = System.Net.DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        }));
        services.AddSingleton<PoliteHttpClient>(provider => new PoliteHttpClient(
            provider.GetRequiredService<HttpClient>(), provider.GetRequiredService<FetchOptions>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ArxivApiSource>();
        services.AddSingleton<ISyncSource>(provider => provider.GetRequiredService<ArxivApiSource>());
        services.AddSingleton<ISyncSource, OaiPmhSource>();
        services.AddSingleton<ISyncSource, HfDailySource>();
        services.AddSingleton<ISyncSource, ArxivRssSource>();
        services.AddSingleton<SyncService>();
        services.AddSingleton<StatusService>();
        services.AddSingleton<SyncScheduler>();
        services.AddPaperboyAccounts();
        services.AddPaperboyMail();
        return services;
    }

    /// <summary>The outbox, its sender and the background service that runs it in `serve`.</summary>
    private static IServiceCollection AddPaperboyMail(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<PaperboyOptions>().Smtp);
        services.AddSingleton<IOutboxStore>(provider => provider.GetRequiredService<PaperboyOptions>().UsesPostgres
            ? (PostgresPaperStore)provider.GetRequiredService<IPaperStore>()
            : provider.GetRequiredService<SqlitePaperStore>());
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<IEmailOutbox>(provider => provider.GetRequiredService<EmailOutbox>());
        services.AddSingleton<IEmailSuppressions>(provider => provider.GetRequiredService<EmailOutbox>());
        services.AddSingleton<OutboxSender>();
        services.AddSingleton<OutboxSenderService>();
        services.AddPaperboyDigests();
        return services;
    }

    /// <summary>Accounts and what they keep: sign-in, access tokens, upvotes, libraries, follows.</summary>
    private static IServiceCollection AddPaperboyAccounts(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<PaperboyOptions>().Accounts);
        services.AddSingleton<IAccountStore>(AccountSideStore<IAccountStore>);
        services.AddSingleton<IUpvoteStore>(AccountSideStore<IUpvoteStore>);
        services.AddSingleton<ILibraryStore>(AccountSideStore<ILibraryStore>);
        services.AddSingleton<IFollowStore>(AccountSideStore<IFollowStore>);
        // AccountOptions.Mailer picks the sender: the outbox when SMTP is configured, else the log.
        services.AddSingleton<LogSignInMailer>();
        services.AddSingleton<SmtpSignInMailer>();
        services.AddSingleton<ISignInMailer>(provider => provider.GetRequiredService<PaperboyOptions>().MailsSignInLinks
            ? provider.GetRequiredService<SmtpSignInMailer>()
            : provider.GetRequiredService<LogSignInMailer>());
        services.AddSingleton<SignInLinkSigner>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<AccessTokenService>();
        services.AddSingleton<UpvoteService>();
        services.AddSingleton<LibraryService>();
        services.AddSingleton<FollowService>();
        return services;
    }

    /// <summary>
    /// The store that keeps accounts and what they own (upvotes, libraries, follows, subscriptions): the
    /// PostgreSQL paper store when Paperboy:Store names one, so every node shares them; else the SQLite file.
    /// </summary>
    private static T AccountSideStore<T>(IServiceProvider provider) where T : class =>
        provider.GetRequiredService<PaperboyOptions>().UsesPostgres
            ? (T)provider.GetRequiredService<IPaperStore>()
            : (T)(object)provider.GetRequiredService<SqlitePaperStore>();

    /// <summary>Subscriptions and digests (docs/DIGESTS.md); they queue through the outbox of AddPaperboyMail.</summary>
    private static IServiceCollection AddPaperboyDigests(this IServiceCollection services)
    {
        services.AddSingleton(provider => provider.GetRequiredService<PaperboyOptions>().Digests);
        services.AddSingleton<ISubscriptionStore>(AccountSideStore<ISubscriptionStore>);
        services.AddSingleton<SubscriptionLinks>();
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<DigestSchedule>();
        services.AddSingleton<DigestCandidateSource>();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<DigestService>();
        services.AddSingleton<DigestScheduler>();
        return services;
    }
}
