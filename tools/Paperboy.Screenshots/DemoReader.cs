using Microsoft.Playwright;
using Paperboy.Browser.Testing;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Web.Rendering;

namespace Paperboy.Screenshots;

/// <summary>
/// A reader with a small library to show: signed in through the link the app logs, three demo papers
/// saved from their pages, two tagged and one with a note, all through the browser as a reader does it.
/// </summary>
internal static class DemoReader
{
    public const string Email = "reader@example.org";

    // Saved after the store's newest paper, in this order; the library lists the last saved first,
    // so the paper with the tags and the note is at the top of the picture.
    private static readonly string[] Saved =
    [
        "FlowSep: Language-Queried Sound Separation with Rectified Flow Matching",
        "Scaling Rectified Flow Transformers for High-Resolution Image Synthesis",
    ];

    /// <summary>
    /// Signs in, fills the library, and returns the browser's storage state (the session cookie) for
    /// the renders to start from, with the problems the guards caught on the way.
    /// </summary>
    public static async Task<(string StorageState, IReadOnlyList<string> Problems)> PrepareAsync(IBrowser browser, LiveApp app, CancellationToken cancellationToken)
    {
        await using var session = await BrowserSession.OpenAsync(browser, app.BaseUrl);
        await SignInFlow.SignInAsync(session, app, Email, cancellationToken);

        var newest = (await app.Store.ListRecentAsync(0, 1, cancellationToken)).Single();
        var papers = new List<Paper> { newest };
        foreach (string title in Saved)
        {
            papers.Add(await app.Store.GetAsync(TitleKey.IdFor(title), cancellationToken)
                ?? throw new InvalidOperationException($"the demo corpus has no paper titled \"{title}\""));
        }
        foreach (var paper in papers)
        {
            await session.GotoAsync(Paths.Paper(paper.Id));
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Save to library" }).ClickAsync();
            await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Saved to library (remove)" })).ToBeVisibleAsync();
        }

        await session.GotoAsync("/library");
        var first = Item(session.Page, papers[2].Title);
        await TagAsync(first, "to read");
        await TagAsync(first, "diffusion");
        await TagAsync(Item(session.Page, papers[1].Title), "to read");
        await first.GetByLabel("Private note").FillAsync("Compare the rectified flow sampler with FlowSep's; section 3 has the timestep schedule.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await Assertions.Expect(Item(session.Page, papers[2].Title).GetByLabel("Private note")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^Compare"));

        var problems = (await session.ProblemsAsync()).Select(p => $"preparing the library: {p}").ToList();
        return (await session.Context.StorageStateAsync(), problems);
    }

    private static ILocator Item(IPage page, string title) =>
        page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Article)
            .Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = title, Exact = true }) });

    private static async Task TagAsync(ILocator item, string tag)
    {
        await item.GetByLabel("New tag").FillAsync(tag);
        await item.GetByRole(AriaRole.Button, new() { Name = "Tag", Exact = true }).ClickAsync();
        await Assertions.Expect(item.GetByRole(AriaRole.Button, new() { Name = $"Remove tag {tag}" })).ToBeVisibleAsync();
    }
}
