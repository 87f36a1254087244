namespace Paperboy.Ingest.Sources.ArxivApi;

/// <summary>
/// One page of an arXiv API answer: its papers (or per-entry errors) and the OpenSearch paging numbers
/// (http://www.opensearch.org/Specifications/OpenSearch/1.1#OpenSearch_response_elements).
/// </summary>
/// <param name="TotalResults">Matches for the whole query, or null when the feed did not say.</param>
/// <param name="StartIndex">The 0-based index of this page's first entry.</param>
/// <param name="ItemsPerPage">The page size the API applied.</param>
public sealed record ArxivFeedPage(IReadOnlyList<ImportRecord> Records, long? TotalResults, int StartIndex, int ItemsPerPage);
