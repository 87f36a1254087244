using Paperboy.Core.Storage;
using Paperboy.Ingest.Http;

namespace Paperboy.Ingest.Sources;

/// <summary>What a source may use while fetching: the request, the polite client, saved checkpoints and today's date.</summary>
public sealed record SyncContext(SyncRequest Request, PoliteHttpClient Http, ISyncStateStore State, DateOnly Today);
