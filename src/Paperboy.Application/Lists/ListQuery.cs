namespace Paperboy.Application.Lists;

/// <summary>What to show of a list: the order, an optional category, and the page.</summary>
public sealed record ListQuery(ListSort Sort = ListSort.Trending, string? Category = null, int Offset = 0, int Limit = 30);
