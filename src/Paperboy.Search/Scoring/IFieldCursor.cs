namespace Paperboy.Search.Scoring;

/// <summary>
/// Documents where a term (or a phrase) occurs in one field, with how often: the per-field
/// input of a BM25F pseudo frequency.
/// </summary>
internal interface IFieldCursor
{
    int DocId { get; }
    int Freq { get; }
    int NextDoc();
    int Advance(int target);
}
