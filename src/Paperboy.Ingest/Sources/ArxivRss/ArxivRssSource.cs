using System.Runtime.CompilerServices;
using System.Text.Json;
using Paperboy.Ingest.Http;

namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>
/// arXiv's listing feeds (one per category, renewed after each announcement): fetched with a conditional
/// GET, so an unchanged feed costs a 304 and nothing else. The checkpoint keeps the feed's validators.
/// </summary>
public sealed class ArxivRssSource(SourceEndpoints endpoints) : ISyncSource
{
    public string Name => ImportSources.ArxivRss;

    public async IAsyncEnumerable<SyncBatch> FetchAsync(SyncContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var baseUrl = (context.Request.BaseUrl ?? endpoints.ArxivRss).ToString();
        foreach (var category in context.Request.Categories.DefaultIfEmpty("cs"))
        {
            string key = $"{Name}:{category}";
            var saved = await context.State.GetCheckpointAsync(key, cancellationToken);
            var validators = saved is null ? null : JsonSerializer.Deserialize<CacheValidators>(saved);
            var url = new Uri((baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/") + Uri.EscapeDataString(category));
            var response = await context.Http.GetAsync(url, validators, cancellationToken);
            if (response.NotModified)
            {
                yield return new SyncBatch([], $"{category}: not modified", null);
                continue;
            }
            if (!response.IsSuccess)
            {
                throw new SourcePayloadException($"arxiv-rss: {url} answered HTTP {response.Status}");
            }
            ArxivRssPage page;
            try
            {
                page = await ArxivRssParser.ParseAsync(response.OpenBody(), url.ToString(), cancellationToken);
            }
            catch (SourcePayloadException e)
            {
                throw new SourcePayloadException($"arxiv-rss: {url}: {e.Message}", e);
            }
            var records = page.Items.Select(i => ImportRecord.Of(i.Paper)).Concat(page.Errors.Select(ImportRecord.Failed)).ToList();
            var checkpoint = response.Validators.IsEmpty ? null : new SyncCheckpoint(key, JsonSerializer.Serialize(response.Validators));
            yield return new SyncBatch(records, $"{category}: {page.Items.Count} items", checkpoint);
        }
    }
}
