using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>
/// An OAI-PMH harvest (http://www.openarchives.org/OAI/openarchivesprotocol.html): ListRecords for a
/// set from a date, following resumption tokens to the end. After each stored page the token and the
/// window are checkpointed, so a killed harvest resumes with the next token; an expired token
/// (badResumptionToken) restarts the window, which only finds the stored papers unchanged; the end
/// of a harvest leaves the next run's start date behind.
/// </summary>
public sealed class OaiPmhSource(SourceEndpoints endpoints) : ISyncSource
{
    public string Name => ImportSources.OaiPmh;

    public async IAsyncEnumerable<SyncBatch> FetchAsync(SyncContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string prefix = endpoints.OaiMetadataPrefix;
        foreach (var set in context.Request.Categories.DefaultIfEmpty(""))
        {
            string key = $"{Name}:{(set.Length == 0 ? "all" : set)}:{prefix}";
            var saved = Checkpoint.Read(await context.State.GetCheckpointAsync(key, cancellationToken));
            var window = saved?.Token is not null
                ? saved
                : new Checkpoint(null, context.Request.Since ?? saved?.NextFrom, context.Request.Until, null);
            bool restarted = false;
            while (true)
            {
                var url = window.Token is { } token
                    ? Url(context, $"verb=ListRecords&resumptionToken={Uri.EscapeDataString(token)}")
                    : Url(context, ListRecords(prefix, set, window.From, window.Until));
                var page = await FetchPageAsync(context, url, cancellationToken);
                if (page.Error is { Code: "badResumptionToken" } && window.Token is not null && !restarted)
                {
                    // Tokens expire (arXiv keeps them for hours); harvest the window again from its start.
                    restarted = true;
                    window = window with { Token = null };
                    continue;
                }
                if (page.Error is { Code: "noRecordsMatch" })
                {
                    yield return new SyncBatch([], $"set {set}: no records", Finished(key, window, page));
                    break;
                }
                if (page.Error is { } error)
                {
                    throw new SourcePayloadException($"oai-pmh: {url} answered error {error.Code}: {error.Message}");
                }
                string? next = page.Resumption?.Token;
                var checkpoint = next is null ? Finished(key, window, page) : new SyncCheckpoint(key, (window with { Token = next }).Write());
                yield return new SyncBatch(page.Records, $"set {set}: {page.Records.Count} records" + (page.Resumption?.Cursor is { } cursor ? $" at {cursor}" : ""), checkpoint)
                {
                    Done = page.Resumption?.Cursor is { } done ? done + page.Records.Count : null,
                    Total = page.Resumption?.CompleteListSize,
                };
                if (next is null)
                {
                    break;
                }
                window = window with { Token = next };
            }
        }
    }

    /// <summary>The next incremental harvest starts at the day this one's server clock said it answered.</summary>
    private static SyncCheckpoint Finished(string key, Checkpoint window, OaiPmhPage page) =>
        new(key, new Checkpoint(null, null, null, page.ResponseDate is { } date ? DateOnly.FromDateTime(date.UtcDateTime) : window.Until).Write());

    private static string ListRecords(string prefix, string set, DateOnly? from, DateOnly? until)
    {
        var query = $"verb=ListRecords&metadataPrefix={Uri.EscapeDataString(prefix)}";
        if (set.Length > 0)
        {
            query += $"&set={Uri.EscapeDataString(set)}";
        }
        if (from is { } f)
        {
            query += $"&from={f:yyyy-MM-dd}";
        }
        if (until is { } u)
        {
            query += $"&until={u:yyyy-MM-dd}";
        }
        return query;
    }

    private Uri Url(SyncContext context, string query) => new($"{(context.Request.BaseUrl ?? endpoints.OaiPmh).ToString().TrimEnd('?')}?{query}");

    private static async Task<OaiPmhPage> FetchPageAsync(SyncContext context, Uri url, CancellationToken cancellationToken)
    {
        var response = await context.Http.GetAsync(url, null, cancellationToken);
        try
        {
            var page = await OaiPmhParser.ParseAsync(response.OpenBody(), url.ToString(), cancellationToken);
            return response.IsSuccess || page.Error is not null ? page : throw new SourcePayloadException($"answered HTTP {response.Status}");
        }
        catch (SourcePayloadException e)
        {
            throw new SourcePayloadException($"oai-pmh: {url} (HTTP {response.Status}): {e.Message}", e);
        }
    }

    /// <summary>What a harvest keeps between pages and runs.</summary>
    internal sealed record Checkpoint(string? Token, DateOnly? From, DateOnly? Until, DateOnly? NextFrom)
    {
        public string Write() => JsonSerializer.Serialize(this);

        public static Checkpoint? Read(string? json) => json is null ? null : JsonSerializer.Deserialize<Checkpoint>(json);
    }
}
