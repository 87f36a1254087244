using System.Text.RegularExpressions;
using System.Web;
using Paperboy.Browser.Testing;

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

    /// <summary>A link of the header's main navigation ("Sign in", "Account", "Library").</summary>
    public static ILocator NavLink(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>An error the page announces, such as a spent sign-in link.</summary>
    public static ILocator Alert(IPage page) => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Alert);

    /// <summary>The paper page's upvote button, whichever it says ("▲ Upvote" or "▲ Upvoted (remove)"); aria-pressed tells which.</summary>
    public static ILocator UpvoteButton(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^▲ Upvote") });

    /// <summary>
    /// The paper page's upvote count ("42 (41 on Hugging Face, 1 here)"): the definition after the
    /// "Upvotes" term. A definition list has no accessible link from term to definition, so this one is CSS.
    /// </summary>
    public static ILocator UpvoteCount(IPage page) => page.Locator("dt:text-is('Upvotes') + dd");

    /// <summary>The paper page's save button ("Save to library" or "Saved to library (remove)").</summary>
    public static ILocator SaveButton(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Save(d to library \\(remove\\)| to library)$") });

    /// <summary>The saved papers of the library page, without the "papers like these" suggested below them.</summary>
    public static ILocator LibraryItems(IPage page) => page.GetByRole(AriaRole.Main).Locator("article.library-item");

    /// <summary>The library's card of a paper, by its title.</summary>
    public static ILocator LibraryItem(IPage page, string title) =>
        LibraryItems(page).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = title, Exact = true }) });

    /// <summary>The tags shown on a library card.</summary>
    public static ILocator ItemTags(ILocator item) => item.GetByRole(AriaRole.List).GetByRole(AriaRole.Listitem).Locator(".tag");

    /// <summary>A library card's "New tag" box.</summary>
    public static ILocator NewTagBox(ILocator item) => item.GetByLabel("New tag", new() { Exact = true });

    /// <summary>A library card's "Private note" box.</summary>
    public static ILocator NoteBox(ILocator item) => item.GetByLabel("Private note", new() { Exact = true });

    /// <summary>A library card's tick box that picks it for export ("Select “title” for export").</summary>
    public static ILocator ExportTick(ILocator item) =>
        item.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Select “.+” for export$") });

    /// <summary>A link of the library's tag filter: "All", or a tag with its count ("reading (2)").</summary>
    public static ILocator TagFilterLink(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Filter by tag" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The library's export button of a format ("BibTeX", "JSON").</summary>
    public static ILocator ExportButton(IPage page, string format) =>
        page.GetByRole(AriaRole.Button, new() { Name = format, Exact = true });

    /// <summary>Saves a paper to the signed-in reader's library from its page.</summary>
    public static async Task SaveToLibraryAsync(BrowserSession session, string paperId)
    {
        await session.GotoAsync($"/papers/{paperId}");
        await SaveButton(session.Page).ClickAsync();
        await Expect(SaveButton(session.Page)).ToHaveTextAsync("Saved to library (remove)");
    }

    /// <summary>Tags a library card: types the tag into its box and presses its Tag button.</summary>
    public static async Task AddTagAsync(ILocator item, string tag)
    {
        await NewTagBox(item).FillAsync(tag);
        await item.GetByRole(AriaRole.Button, new() { Name = "Tag", Exact = true }).ClickAsync();
    }

    /// <summary>Writes a library card's note and presses its Save note button.</summary>
    public static async Task SaveNoteAsync(ILocator item, string note)
    {
        await NoteBox(item).FillAsync(note);
        // The form posts and redirects back to the library; a reload sent before that page has
        // loaded can reach the page being replaced ("Not attached to an active page").
        await item.Page.RunAndWaitForResponseAsync(
            () => item.GetByRole(AriaRole.Button, new() { Name = "Save note", Exact = true }).ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Request.Method == "GET" && new Uri(r.Url).AbsolutePath == "/library");
        await item.Page.WaitForLoadStateAsync(LoadState.Load);
    }

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
