namespace Paperboy.Search.Analysis;

/// <summary>
/// An index term with its position. Stop words are not emitted but still use up a position,
/// so a phrase like "bag of words" matches only with one word between "bag" and "words".
/// </summary>
internal readonly record struct AnalyzedToken(string Term, int Position, int Start, int End);
