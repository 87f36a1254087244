namespace Paperboy.Search.Indexing;

/// <summary>A postings list as plain lists: what <see cref="ReferencePostingsCodec"/> encodes and decodes.</summary>
internal sealed record PlainPostings(
    IReadOnlyList<int> Docs,
    IReadOnlyList<IReadOnlyList<int>> Positions,
    int MaxFreq,
    int MinFieldLength,
    IReadOnlyList<SkipEntry> Skips);
