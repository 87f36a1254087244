namespace Paperboy.Application.Semantic;

/// <summary>How a search ranks: by words, by meaning, or both fused (the default once papers are embedded).</summary>
public enum SearchMode
{
    Keyword,
    Semantic,
    Hybrid,
}

public static class SearchModeNames
{
    public static IReadOnlyList<string> All { get; } = ["keyword", "semantic", "hybrid"];

    public static string Name(SearchMode mode) => mode switch
    {
        SearchMode.Semantic => "semantic",
        SearchMode.Hybrid => "hybrid",
        _ => "keyword",
    };

    /// <summary>Parses a mode name (case-insensitive); null or empty means "the default".</summary>
    public static bool TryParse(string? name, out SearchMode? mode)
    {
        mode = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return true;
        }
        foreach (SearchMode candidate in Enum.GetValues<SearchMode>())
        {
            if (string.Equals(Name(candidate), name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }
        return false;
    }
}
