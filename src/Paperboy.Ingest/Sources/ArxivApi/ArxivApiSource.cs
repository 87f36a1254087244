using System.Globalization;
using System.Runtime.CompilerServices;
using Paperboy.Core.Ids;

namespace Paperboy.Ingest.Sources.ArxivApi;

/// <summary>
/// The arXiv API (https://info.arxiv.org/help/api/user-manual.html): papers of a category submitted in a
/// date window, paged with start/max_results until opensearch:totalResults, or papers by id. The
/// checkpoint is the next start, so an interrupted run resumes at the page it had not stored.
/// </summary>
public sealed class ArxivApiSource(SourceEndpoints endpoints) : ISyncSource
{
    /// <summary>arXiv asks clients not to page past this many results of one query; narrower windows go further.</summary>
    public const int MaxResultsPerQuery = 30_000;

    public string Name => ImportSources.ArxivApi;

    public async IAsyncEnumerable<SyncBatch> FetchAsync(SyncContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var since = context.Request.Since ?? context.Today.AddDays(-1);
        var until = context.Request.Until ?? context.Today;
        foreach (var category in context.Request.Categories.DefaultIfEmpty("cs.LG"))
        {
            string query = $"cat:{category} AND submittedDate:[{since:yyyyMMdd}0000 TO {until:yyyyMMdd}2359]";
            string key = $"{Name}:{category}:{since:yyyy-MM-dd}:{until:yyyy-MM-dd}";
            int start = int.TryParse(await context.State.GetCheckpointAsync(key, cancellationToken), CultureInfo.InvariantCulture, out int saved) ? saved : 0;
            while (start < MaxResultsPerQuery)
            {
                var page = await FetchPageAsync(context, Query(context, query, start), cancellationToken);
                int next = start + Math.Max(page.Records.Count, 1);
                bool done = page.Records.Count == 0 || next >= (page.TotalResults ?? 0);
                yield return new SyncBatch(page.Records, $"{category} from {start}", new SyncCheckpoint(key, done ? null : next.ToString(CultureInfo.InvariantCulture)))
                {
                    Done = Math.Min(next, page.TotalResults ?? next),
                    Total = page.TotalResults,
                };
                if (done)
                {
                    break;
                }
                start = next;
            }
        }
    }

    /// <summary>Papers by id, in pages of 100 ids (for `paperboy add`).</summary>
    public async IAsyncEnumerable<SyncBatch> FetchByIdsAsync(SyncContext context, IReadOnlyList<ArxivId> ids, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var chunk in ids.Chunk(100))
        {
            string list = string.Join(',', chunk.Select(id => id.ToString()));
            var url = new Uri($"{Endpoint(context)}?id_list={Uri.EscapeDataString(list)}&max_results={chunk.Length}");
            var page = await FetchPageAsync(context, url, cancellationToken);
            yield return new SyncBatch(page.Records, $"ids {list}", null);
        }
    }

    private Uri Query(SyncContext context, string query, int start) =>
        new($"{Endpoint(context)}?search_query={Uri.EscapeDataString(query)}&start={start}&max_results={endpoints.ArxivApiPageSize}&sortBy=submittedDate&sortOrder=ascending");

    private string Endpoint(SyncContext context) => (context.Request.BaseUrl ?? endpoints.ArxivApi).ToString().TrimEnd('?');

    private static async Task<ArxivFeedPage> FetchPageAsync(SyncContext context, Uri url, CancellationToken cancellationToken)
    {
        var response = await context.Http.GetAsync(url, null, cancellationToken);
        ArxivFeedPage page;
        try
        {
            // The API answers errors (a bad id, a bad query) as an Atom "error feed", usually with 400;
            // the parser turns it into an exception carrying arXiv's own explanation.
            page = await ArxivAtomParser.ParseAsync(response.OpenBody(), url.ToString(), cancellationToken);
        }
        catch (SourcePayloadException e)
        {
            throw new SourcePayloadException($"arxiv-api: {url} (HTTP {response.Status}): {e.Message}", e);
        }
        return response.IsSuccess ? page : throw new SourcePayloadException($"arxiv-api: {url} answered HTTP {response.Status}");
    }
}
