namespace Paperboy.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Tabbing_from_the_top_reaches_the_labelled_search_box_with_a_visible_focus_ring()
    {
        await using var session = await fixture.OpenAsync();
        var page = session.Page;
        await session.GotoAsync("/");

        // Skip link first, shown on screen while it has focus; then the brand; then the search box.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");

        var box = Site.HeaderSearchBox(page);
        await Expect(box).ToBeFocusedAsync();
        await Expect(box).ToHaveAttributeAsync("placeholder", "Search papers");
        await Expect(box).ToHaveCSSAsync("outline-style", "solid");
        await page.Keyboard.TypeAsync("rectified flow");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(fixture.App.Url("/search?q=rectified+flow").ToString());
        await Expect(Site.Cards(page).First).ToContainTextAsync("Rectified Flow", new() { IgnoreCase = true });
        await session.AssertCleanAsync();
    }

    [Fact]
    public async Task The_search_page_focuses_its_query_box_which_has_a_visible_label()
    {
        await using var session = await fixture.OpenAsync();
        await session.GotoAsync("/search");

        var label = session.Page.Locator("label", new() { HasText = "Query" });
        await Expect(label).ToBeVisibleAsync();
        await Expect(label).ToHaveTextAsync("Query");
        await Expect(Site.QueryBox(session.Page)).ToBeFocusedAsync();
        await session.AssertCleanAsync();
    }
}
