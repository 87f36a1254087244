namespace Paperboy.Web.Rendering;

/// <summary>
/// URLs of pages, in one place. Ids are escaped segment by segment: old arXiv ids keep their slash,
/// and ':' stays readable (RFC 3986 allows it in a path segment), so title ids read as /papers/title:1a2b...
/// </summary>
public static class Paths
{
    public static string Paper(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return "/papers/" + string.Join('/', id.Split('/').Select(segment => Uri.EscapeDataString(segment).Replace("%3A", ":", StringComparison.Ordinal)));
    }

    public static string Search(string query, int page = 1) =>
        page <= 1 ? $"/search?q={Uri.EscapeDataString(query)}" : $"/search?q={Uri.EscapeDataString(query)}&page={page}";
}
