namespace Paperboy.Ingest.Sources;

/// <summary>
/// What to sync: categories (arXiv categories such as cs.LG, or OAI-PMH sets such as cs or
/// physics:hep-th), a date window, and optionally another endpoint (a mirror, or a test server).
/// </summary>
public sealed record SyncRequest(IReadOnlyList<string> Categories, DateOnly? Since, DateOnly? Until, Uri? BaseUrl);
