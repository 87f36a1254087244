using Paperboy.Search;

namespace Paperboy.Application.Searching;

/// <summary>The names of the result orders in URLs, JSON and on the command line.</summary>
public static class SearchSortNames
{
    public static readonly IReadOnlyList<string> All = ["relevance", "newest", "upvotes"];

    public static string Name(SearchSort sort) => sort switch
    {
        SearchSort.Newest => "newest",
        SearchSort.MostUpvoted => "upvotes",
        _ => "relevance",
    };

    /// <summary>Null or empty is relevance; an unknown name is false.</summary>
    public static bool TryParse(string? name, out SearchSort sort)
    {
        sort = (name ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "relevance" => SearchSort.Relevance,
            "newest" or "date" => SearchSort.Newest,
            "upvotes" => SearchSort.MostUpvoted,
            _ => (SearchSort)(-1),
        };
        return Enum.IsDefined(sort);
    }
}
