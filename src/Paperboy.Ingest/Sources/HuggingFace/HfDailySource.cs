using System.Runtime.CompilerServices;

namespace Paperboy.Ingest.Sources.HuggingFace;

/// <summary>
/// Hugging Face daily papers (/api/daily_papers?date=YYYY-MM-DD): the day's trending arXiv papers with
/// their upvotes. One request per day of the window; the checkpoint is the last day stored, so the next
/// run starts there (the last day is fetched again, since its upvotes keep growing).
/// </summary>
public sealed class HfDailySource(SourceEndpoints endpoints, TimeProvider? time = null) : ISyncSource
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Name => ImportSources.HfDaily;

    public async IAsyncEnumerable<SyncBatch> FetchAsync(SyncContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string key = $"{Name}:last-day";
        var last = DateOnly.TryParse(await context.State.GetCheckpointAsync(key, cancellationToken), System.Globalization.CultureInfo.InvariantCulture, out var saved) ? saved : (DateOnly?)null;
        var from = context.Request.Since ?? last ?? context.Today;
        var until = context.Request.Until ?? context.Today;
        for (var day = from; day <= until; day = day.AddDays(1))
        {
            var url = new Uri($"{(context.Request.BaseUrl ?? endpoints.HfDaily).ToString().TrimEnd('?')}?date={day:yyyy-MM-dd}");
            var response = await context.Http.GetAsync(url, null, cancellationToken);
            if (!response.IsSuccess)
            {
                throw new SourcePayloadException($"hf-daily: {url} answered HTTP {response.Status}");
            }
            IReadOnlyList<ImportRecord> records;
            try
            {
                records = await HfDailyPapersParser.ParseAsync(response.OpenBody(), url.ToString(), _time.GetUtcNow(), cancellationToken);
            }
            catch (SourcePayloadException e)
            {
                throw new SourcePayloadException($"hf-daily: {url}: {e.Message}", e);
            }
            yield return new SyncBatch(records, $"{day:yyyy-MM-dd}", new SyncCheckpoint(key, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
