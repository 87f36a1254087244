namespace Paperboy.Search.Indexing;

/// <summary>
/// What the skip table says about one block of a postings list (see <see cref="PostingsFormat"/>): its
/// last doc id, where it starts (from the first block) and where its positions start (from the term's
/// first position byte), and the figures a block-max upper bound of its scores needs.
/// </summary>
internal readonly record struct SkipEntry(int LastDoc, int BlockOffset, int PositionsOffset, int MaxFreq, int MinFieldLength);
