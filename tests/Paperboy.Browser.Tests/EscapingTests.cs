namespace Paperboy.Browser.Tests;

/// <summary>Markup in a title from outside shows as text in a real browser and runs nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EscapingTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/papers/2401.77777", 1)]
    [InlineData("/search?q=axolotl", 2)]
    public async Task A_title_holding_a_script_tag_shows_as_literal_text_and_opens_no_dialog(string path, int headingLevel)
    {
        string title = BrowserFixture.HostilePaper.Title;
        await using var session = await fixture.OpenAsync();

        await session.GotoAsync(path);

        var heading = session.Page.GetByRole(AriaRole.Heading, new() { Level = headingLevel, Name = title, Exact = true });
        await Expect(heading).ToHaveTextAsync(title);
        Assert.Equal(0, await session.Page.Locator("script:not([src])").CountAsync());
        Assert.Equal(0, await session.Page.GetByRole(AriaRole.Main).Locator("img, i").CountAsync());
        Assert.Empty(session.Dialogs);
        await session.AssertCleanAsync();
    }
}
