using System.Web;

namespace Paperboy.Browser.Tests;

/// <summary>
/// Where things are on the pages, by role and label rather than markup, so the tests survive a
/// redesign. Shared by every test; add a locator here, not in a test.
/// </summary>
internal static class Site
{
    /// <summary>The search box in the header of every page.</summary>
    public static ILocator HeaderSearchBox(IPage page) =>
        page.GetByRole(AriaRole.Searchbox, new() { Name = "Search papers", Exact = true });

    /// <summary>The query box of the search page.</summary>
    public static ILocator QueryBox(IPage page) => page.GetByLabel("Query", new() { Exact = true });

    /// <summary>The paper cards of a list or of search results.</summary>
    public static ILocator Cards(IPage page) => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Article);

    /// <summary>A card's title, which links to the paper's page.</summary>
    public static ILocator CardTitle(ILocator card) => card.GetByRole(AriaRole.Heading, new() { Level = 2 });

    /// <summary>The words search marked in a card's title and snippet.</summary>
    public static ILocator Highlights(ILocator card) => card.Locator("mark");

    /// <summary>The line that says how many papers match.</summary>
    public static ILocator MatchSummary(IPage page) => page.GetByRole(AriaRole.Status);

    /// <summary>The page's main heading.</summary>
    public static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Types a query into the search page's box and submits it with Enter.</summary>
    public static async Task SearchAsync(IPage page, string query)
    {
        var box = QueryBox(page);
        await box.FillAsync(query);
        await box.PressAsync("Enter");
        // The results page of this query, loaded, not the page the form was on.
        await page.WaitForURLAsync(url => url.Contains("/search?", StringComparison.Ordinal)
            && HttpUtility.ParseQueryString(new Uri(url).Query)["q"] == query);
    }

    /// <summary>The number at the start of the match summary ("42 papers match ...").</summary>
    public static async Task<int> MatchCountAsync(IPage page)
    {
        string summary = await MatchSummary(page).InnerTextAsync();
        return int.Parse(summary.AsSpan(0, summary.IndexOf(' ', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture);
    }
}
