namespace Paperboy.Application.Lists;

/// <summary>The orders of a dated list.</summary>
public enum ListSort
{
    /// <summary>By <see cref="TrendingScore"/>: upvotes with a time decay.</summary>
    Trending,

    /// <summary>First version newest first; papers without a date last.</summary>
    Newest,

    /// <summary>Most upvotes first (imported plus local).</summary>
    Upvotes,
}

/// <summary>The names of list orders in URLs and JSON (<c>?sort=</c>).</summary>
public static class ListSortNames
{
    public static readonly IReadOnlyList<string> All = ["trending", "newest", "upvotes"];

    public static string Name(ListSort sort) => sort switch
    {
        ListSort.Newest => "newest",
        ListSort.Upvotes => "upvotes",
        _ => "trending",
    };

    /// <summary>Null or empty is trending; an unknown name is false.</summary>
    public static bool TryParse(string? name, out ListSort sort)
    {
        switch ((name ?? "").Trim().ToLowerInvariant())
        {
            case "" or "trending":
                sort = ListSort.Trending;
                return true;
            case "newest" or "date":
                sort = ListSort.Newest;
                return true;
            case "upvotes" or "top":
                sort = ListSort.Upvotes;
                return true;
            default:
                sort = ListSort.Trending;
                return false;
        }
    }
}
