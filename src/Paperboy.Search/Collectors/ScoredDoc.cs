namespace Paperboy.Search.Collectors;

internal readonly record struct ScoredDoc(int Doc, double Score);
