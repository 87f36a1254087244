using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Searching;
using Paperboy.Application.Semantic;
using Paperboy.Search;
using Paperboy.Web.Api;
using Paperboy.Web.Rendering;

namespace Paperboy.Web.Pages;

/// <summary>
/// The search page: a plain GET form, so it works without JavaScript and every search has a URL;
/// search.js only fetches the same page as the visitor types and swaps the results in.
/// </summary>
public sealed class SearchModel(PaperSearchService search) : PageModel
{
    public const int PageSize = 20;

    public SearchForm Form { get; private set; } = new("", SearchFilters.None, SearchSort.Relevance);
    public string Query => Form.Query;
    public int PageNumber { get; private set; } = 1;
    public PaperSearchResult? Result { get; private set; }
    public string? Error { get; private set; }
    public int PageCount => Result is null ? 1 : Math.Clamp((Result.TotalMatches + PageSize - 1) / PageSize, 1, MaxPage);

    /// <summary>The last page within the API's depth limit; the pager never links past it.</summary>
    public const int MaxPage = SearchPaging.MaxOffset / PageSize + 1;

    public async Task OnGetAsync(string? q, string? cat, string? from, string? to, string? code, string? sort, string? mode,
        [FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        string? category = string.IsNullOrWhiteSpace(cat) ? null : cat.Trim();
        if (category is not null && !SearchFilters.IsCategoryName(category))
        {
            problems.Add($"“{category}” is not a category name (such as cs.LG or hep-th).");
            category = null;
        }
        var fromDate = ReadDate(from, "From", problems);
        var toDate = ReadDate(to, "To", problems);
        if (!SearchSortNames.TryParse(sort, out var order))
        {
            problems.Add($"Unknown order “{sort}”: use {string.Join(", ", SearchSortNames.All)}.");
        }
        if (!SearchModeNames.TryParse(mode, out var ranking))
        {
            problems.Add($"Unknown match mode “{mode}”: use {string.Join(", ", SearchModeNames.All)}.");
        }
        bool hasCode = code is "1" or "on" or "true";
        Form = new SearchForm((q ?? "").Trim(), new SearchFilters(category, fromDate, toDate, hasCode), order, ranking);
        PageNumber = Math.Max(1, pageNumber ?? 1);
        if (problems.Count > 0)
        {
            Error = string.Join(" ", problems);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (Query.Length == 0 && Form.Filters.IsEmpty)
        {
            return;
        }
        if (Query.Length > PaperSearchService.MaxQueryLength)
        {
            Error = $"That query is too long: at most {PaperSearchService.MaxQueryLength} characters.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // Checked before the offset is computed: (page - 1) * 20 overflows for a page near int.MaxValue.
        if (PageNumber > MaxPage)
        {
            Error = $"Results go no deeper than {SearchPaging.MaxOffset:N0} papers: page {PageNumber:N0} is past the last, {MaxPage:N0}.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Result = await search.SearchAsync(Query, Form.Filters, PageSize, (PageNumber - 1) * PageSize, order, facets: true, ranking, cancellationToken);
    }

    private static DateOnly? ReadDate(string? text, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problems.Add($"{name} date “{text}” is not a date like 2024-03-05.");
        return null;
    }
}
