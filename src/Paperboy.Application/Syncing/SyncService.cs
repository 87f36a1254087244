using Microsoft.Extensions.Logging;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;
using Paperboy.Ingest;
using Paperboy.Ingest.Http;
using Paperboy.Ingest.Sources;
using Paperboy.Ingest.Sources.ArxivApi;

namespace Paperboy.Application.Syncing;

/// <summary>
/// Runs one source once: fetches its batches, stores each batch's papers, then saves the batch's
/// checkpoint, and records the run for the status page. A failing page ends the run with a clear
/// error; everything stored before it stays stored, and the next run resumes from the checkpoint.
/// </summary>
public sealed partial class SyncService(
    IPaperStore store,
    ISyncStateStore state,
    PoliteHttpClient http,
    IEnumerable<ISyncSource> sources,
    ArxivApiSource arxivApi,
    TimeProvider time,
    ILogger<SyncService> logger)
{
    public IReadOnlyList<string> SourceNames => sources.Select(s => s.Name).ToList();

    public async Task<SyncReport> RunAsync(string sourceName, SyncRequest request, IProgress<SyncReport>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = sources.FirstOrDefault(s => s.Name == sourceName)
            ?? throw new ArgumentException($"sync: unknown source '{sourceName}'; known: {string.Join(", ", SourceNames)}", nameof(sourceName));
        return await RunBatchesAsync(source.Name, Describe(request), context => source.FetchAsync(context, cancellationToken), request, progress, cancellationToken);
    }

    /// <summary>Fetches papers by arXiv id or URL (paperboy add); what does not parse as an id is rejected up front.</summary>
    public async Task<SyncReport> AddAsync(IReadOnlyList<string> idsOrUrls, Uri? baseUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idsOrUrls);
        var ids = new List<ArxivId>();
        var rejected = new List<string>();
        foreach (var text in idsOrUrls)
        {
            if (ArxivId.TryParse(text, out var id))
            {
                ids.Add(id);
            }
            else
            {
                rejected.Add($"'{text}' is not an arXiv id or URL");
            }
        }
        var request = new SyncRequest([], null, null, baseUrl);
        var report = ids.Count == 0
            ? SyncReport.Empty(ImportSources.ArxivApi)
            : await RunBatchesAsync(ImportSources.ArxivApi, $"add {string.Join(' ', ids)}", context => arxivApi.FetchByIdsAsync(context, ids, cancellationToken), request, null, cancellationToken);
        return report with { Rejected = report.Rejected + rejected.Count, Errors = [.. rejected, .. report.Errors] };
    }

    private async Task<SyncReport> RunBatchesAsync(
        string source, string description, Func<SyncContext, IAsyncEnumerable<SyncBatch>> fetch,
        SyncRequest request, IProgress<SyncReport>? progress, CancellationToken cancellationToken)
    {
        long run = await state.StartRunAsync(source, description, cancellationToken);
        var context = new SyncContext(request, http, state, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var report = SyncReport.Empty(source);
        try
        {
            await foreach (var batch in fetch(context).WithCancellation(cancellationToken))
            {
                report = report.Plus(await StoreAsync(batch, cancellationToken)) with { Done = batch.Done, Total = batch.Total };
                if (batch.Checkpoint is { } checkpoint)
                {
                    // Only after the papers are committed: a crash before this line refetches the batch.
                    await state.SetCheckpointAsync(checkpoint.Key, checkpoint.Value, cancellationToken);
                }
                progress?.Report(report);
            }
        }
        catch (Exception e) when (e is FetchException or SourcePayloadException or HttpRequestException or OperationCanceledException)
        {
            report = report with { Error = e is OperationCanceledException ? "sync: cancelled" : e.Message };
            LogFailed(logger, source, report.Error);
        }
        await state.FinishRunAsync(run, new SyncRunResult(report.Added, report.Updated, report.Unchanged, report.Rejected, report.Error), CancellationToken.None);
        return report;
    }

    private async Task<SyncReport> StoreAsync(SyncBatch batch, CancellationToken cancellationToken)
    {
        var papers = batch.Records.Where(r => r.Paper is not null).Select(r => r.Paper!).ToList();
        var errors = batch.Records.Where(r => r.Error is not null).Select(r => $"{r.Error!.File}:{r.Error.Line}: {r.Error.Message}").ToList();
        var summary = UpsertSummary.Empty;
        foreach (var chunk in papers.Chunk(1000))
        {
            summary = summary.Plus(await store.UpsertAsync(chunk, cancellationToken));
        }
        return new SyncReport("", summary.Added, summary.Updated, summary.Unchanged, errors.Count, 1, null, errors);
    }

    private static string Describe(SyncRequest request) =>
        string.Join(' ', new[]
        {
            request.Categories.Count > 0 ? string.Join(',', request.Categories) : "default categories",
            request.Since is { } since ? $"since {since:yyyy-MM-dd}" : null,
            request.Until is { } until ? $"until {until:yyyy-MM-dd}" : null,
            request.BaseUrl is { } url ? $"from {url}" : null,
        }.OfType<string>());

    [LoggerMessage(Level = LogLevel.Warning, Message = "sync: {Source} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string source, string? error);
}
