namespace Paperboy.Search.Collectors;

/// <summary>How many documents a search matched: exactly, or at least <see cref="Count"/> when it stopped counting.</summary>
internal readonly record struct MatchTotal(int Count, bool AtLeast);
