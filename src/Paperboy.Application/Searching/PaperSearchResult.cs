namespace Paperboy.Application.Searching;

/// <summary>One page of search results: the hits asked for and how many papers matched in all.</summary>
public sealed record PaperSearchResult(string Query, int TotalMatches, int Offset, IReadOnlyList<PaperHit> Hits);
