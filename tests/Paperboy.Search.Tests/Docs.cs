namespace Paperboy.Search.Tests;

/// <summary>Builds small indexes for tests; each test makes its own documents.</summary>
internal static class Docs
{
    public static SearchDocument Doc(string key, string title, string abs = "", string[]? authors = null,
        string[]? categories = null, int? year = null) =>
        new(key, title, abs, authors ?? [], categories ?? [], year);

    public static SearchIndex Index(params SearchDocument[] documents) => Index(SearchSettings.Default, documents);

    public static SearchIndex Index(SearchSettings settings, params SearchDocument[] documents)
    {
        var builder = new IndexBuilder(settings);
        foreach (var document in documents)
        {
            builder.Add(document);
        }
        return builder.Build();
    }

    public static string[] Keys(this SearchResults results) => [.. results.Hits.Select(h => h.Key)];
}
