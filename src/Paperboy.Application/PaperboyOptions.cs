using Paperboy.Application.Accounts;
using Paperboy.Application.Digests;
using Paperboy.Application.Lists;
using Paperboy.Application.Mail;
using Paperboy.Application.Syncing;
using Paperboy.Ingest.Http;
using Paperboy.Ingest.Sources;
using Paperboy.Search;

namespace Paperboy.Application;

/// <summary>Settings shared by the CLI and the web app, bound from the "Paperboy" configuration section.</summary>
public sealed class PaperboyOptions
{
    public const string Section = "Paperboy";

    /// <summary>Where the store and derived data live (default ./data, or PAPERBOY_DATA).</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Where papers and sync state are kept: null (the default) for SQLite in the data directory, or a
    /// PostgreSQL connection string or postgres:// URL (docs/STORE.md). Accounts, libraries, upvotes,
    /// follows, the outbox and subscriptions are not yet on PostgreSQL: they stay in SQLite in the data
    /// directory either way, as does the search index.
    /// </summary>
    public string? Store { get; set; }

    /// <summary>True when <see cref="Store"/> names a PostgreSQL database.</summary>
    public bool UsesPostgres => !string.IsNullOrWhiteSpace(Store);

    /// <summary>Load the demo corpus (the four saved trending pages) when the store is empty at start.</summary>
    public bool LoadDemoCorpus { get; set; } = true;

    /// <summary>Ranking parameters (BM25F field weights, k1, b); see docs/SEARCH.md for how they were chosen.</summary>
    public SearchSettings Search { get; set; } = new();

    /// <summary>How politely sources are fetched (interval per host, retries, contact address).</summary>
    public FetchOptions Fetch { get; set; } = new();

    /// <summary>The sources' endpoints and page sizes.</summary>
    public SourceEndpoints Sources { get; set; } = new();

    /// <summary>When `paperboy serve` syncs by itself.</summary>
    public SyncSchedule Sync { get; set; } = new();

    /// <summary>
    /// The site's public root URL (https://papers.example.org/), which emailed sign-in links start with.
    /// When unset, links use the scheme and host of the request; set it whenever the app is reachable
    /// by anyone else, so that a forged Host header cannot point a link elsewhere.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>True when sign-in links are mailed rather than written to the log.</summary>
    public bool MailsSignInLinks =>
        string.Equals(Accounts.Mailer, AccountOptions.SmtpMailer, StringComparison.OrdinalIgnoreCase)
        || (string.Equals(Accounts.Mailer, AccountOptions.AutoMailer, StringComparison.OrdinalIgnoreCase) && Smtp.Configured);

    /// <summary>Sign-in links, sessions and their rate limits.</summary>
    public AccountOptions Accounts { get; set; } = new();

    /// <summary>The SMTP server that sends digests, alerts and sign-in links (docs/EMAIL.md).</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How the trending list ranks (gravity, age offset, window); see docs/WEB.md.</summary>
    public TrendingOptions Trending { get; set; } = new();

    /// <summary>Email digests: composition limits, schedule, subscribe rate limits; see docs/DIGESTS.md.</summary>
    public DigestOptions Digests { get; set; } = new();

    /// <summary>Semantic search: the embedder, background embedding and hybrid fusion; see docs/SEMANTIC.md.</summary>
    public Semantic.SemanticOptions Semantic { get; set; } = new();

    /// <summary>Checks the options once at start, so a bad setting fails fast with a clear message.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new InvalidOperationException("options: Paperboy:DataDirectory must not be empty");
        }
        if (UsesPostgres)
        {
            try
            {
                _ = Storage.Postgres.PostgresConnectionString.Parse(Store!);
            }
            catch (ArgumentException e)
            {
                // The message never quotes the setting, which may hold a password.
                throw new InvalidOperationException($"options: Paperboy:Store is not a PostgreSQL connection string or URL: {e.Message}", e);
            }
        }
        if (!string.IsNullOrWhiteSpace(PublicUrl)
            && (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            throw new InvalidOperationException($"options: Paperboy:PublicUrl must be an absolute http or https URL without query, not \"{PublicUrl}\"");
        }
        Accounts.Validate();
        try
        {
            Search.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            // The settings name themselves ("search settings: K1 must be ..."); here they are named as configured.
            var reason = e.Message.Split(" (Parameter", 2)[0].Replace("search settings: ", "", StringComparison.Ordinal);
            throw new InvalidOperationException($"options: Paperboy:Search:{reason}", e);
        }
        Fetch.Validate();
        Sync.Validate();
        Trending.Validate();
        Smtp.Validate();
        Semantic.Validate();
        if (string.Equals(Accounts.Mailer, AccountOptions.SmtpMailer, StringComparison.OrdinalIgnoreCase) && !Smtp.Configured)
        {
            throw new InvalidOperationException("options: Paperboy:Accounts:Mailer is \"smtp\" but Paperboy:Smtp:Host is not set");
        }
        Digests.Validate();
    }
}
