using System.Globalization;
using Paperboy.Application.Searching;
using Paperboy.Application.Semantic;
using Paperboy.Search;

namespace Paperboy.Web.Rendering;

/// <summary>What the search form holds (query, filters, order, ranking mode), and the URL of any page of it or of a changed copy.</summary>
public sealed record SearchForm(string Query, SearchFilters Filters, SearchSort Sort, SearchMode? Mode = null)
{
    public string Url(int page = 1)
    {
        var query = new List<string> { "q=" + Uri.EscapeDataString(Query) };
        if (Filters.Category is { } category)
        {
            query.Add("cat=" + Uri.EscapeDataString(category));
        }
        if (Filters.From is { } from)
        {
            query.Add("from=" + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (Filters.To is { } to)
        {
            query.Add("to=" + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (Filters.HasCode)
        {
            query.Add("code=1");
        }
        if (Sort != SearchSort.Relevance)
        {
            query.Add("sort=" + SearchSortNames.Name(Sort));
        }
        if (Mode is { } mode)
        {
            query.Add("mode=" + SearchModeNames.Name(mode));
        }
        if (page > 1)
        {
            query.Add($"page={page}");
        }
        return "/search?" + string.Join('&', query);
    }

    public SearchForm WithCategory(string? category) => this with { Filters = Filters with { Category = category } };

    /// <summary>The date filter narrowed to one year, as a year facet's link sets it.</summary>
    public SearchForm WithYear(int year) =>
        this with { Filters = Filters with { From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31) } };
}
