using Paperboy.Search.Indexing;
using Paperboy.Search.Scoring;

namespace Paperboy.Search.Queries;

/// <summary>The terms a query word or phrase became in one field, with their relative positions.</summary>
internal sealed record FieldTerms(Field Field, Postings[] Postings, int[] Offsets)
{
    public IFieldCursor CreateCursor() => Postings.Length == 1
        ? new PostingsCursor(Postings[0])
        : new PhraseCursor([.. Postings.Select(p => new PostingsCursor(p))], Offsets);
}
