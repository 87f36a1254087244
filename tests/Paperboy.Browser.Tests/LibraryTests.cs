namespace Paperboy.Browser.Tests;

/// <summary>Saving papers from their pages, then tags, notes and the tag filter on /library.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LibraryTests(BrowserFixture fixture)
{
    private const string Script = "<script>alert(1)</script>";

    [Fact]
    public async Task A_saved_paper_shows_in_the_library_with_its_tag_and_note_and_the_tag_filters_the_list()
    {
        var tagged = TestPapers.Make("2405.81001", "Library probe: pangolin scale patterns", authors: ["Ada Lovelace"]);
        var other = TestPapers.Make("2405.81002", "Library probe: tapir gait analysis");
        await fixture.App.AddPapersAsync([tagged, other], CancellationToken.None);
        await using var session = await fixture.OpenSignedInAsync("librarian");
        var page = session.Page;
        await Site.SaveToLibraryAsync(session, tagged.Id);
        await Site.SaveToLibraryAsync(session, other.Id);

        await Site.NavLink(page, "Library").ClickAsync();
        await Expect(Site.Heading(page)).ToHaveTextAsync("Your library 2 papers");
        var item = Site.LibraryItem(page, tagged.Title);
        await Expect(item).ToContainTextAsync("Ada Lovelace");
        await Site.AddTagAsync(item, "  reading   group ");
        await Expect(Site.ItemTags(item)).ToHaveTextAsync(["reading group"]);
        await Site.SaveNoteAsync(item, "Compare with the tapir paper.\nSection 3.");
        await page.ReloadAsync();

        await Expect(Site.NoteBox(item)).ToHaveValueAsync("Compare with the tapir paper.\nSection 3.");
        await Expect(Site.ItemTags(Site.LibraryItem(page, other.Title))).ToHaveCountAsync(0);
        await Site.TagFilterLink(page, "reading group (1)").ClickAsync();
        await Expect(Site.Heading(page)).ToHaveTextAsync("Your library 1 paper tagged “reading group”");
        Assert.Equal(fixture.App.Url("/library?tag=reading%20group").AbsoluteUri, page.Url);
        await Expect(Site.CardTitle(Site.LibraryItems(page))).ToHaveTextAsync([tagged.Title]);
        await Expect(Site.TagFilterLink(page, "reading group (1)")).ToHaveAttributeAsync("aria-current", "page");
        await Site.TagFilterLink(page, "All").ClickAsync();
        await Expect(Site.CardTitle(Site.LibraryItems(page))).ToHaveCountAsync(2);
        await session.AssertCleanAsync();
    }

    [Fact]
    public async Task A_tag_and_a_note_holding_a_script_tag_show_as_literal_text_and_open_no_dialog()
    {
        var paper = TestPapers.Make("2405.81003", "Library probe: hostile tags on a quiet paper");
        await fixture.App.AddPapersAsync([paper], CancellationToken.None);
        await using var session = await fixture.OpenSignedInAsync("mallory");
        var page = session.Page;
        await Site.SaveToLibraryAsync(session, paper.Id);
        await session.GotoAsync("/library");
        var item = Site.LibraryItem(page, paper.Title);
        string note = $"{Script}<img src=x onerror=alert(2)> & done";

        await Site.AddTagAsync(item, Script);
        await Expect(Site.ItemTags(item)).ToHaveTextAsync([Script]);
        await Site.SaveNoteAsync(item, note);
        await page.ReloadAsync();

        await Expect(Site.NoteBox(item)).ToHaveValueAsync(note);
        await Expect(item.GetByRole(AriaRole.Button, new() { Name = $"Remove tag {Script}" })).ToBeVisibleAsync();
        await Site.TagFilterLink(page, $"{Script} (1)").ClickAsync();
        await Expect(Site.Heading(page)).ToHaveTextAsync($"Your library 1 paper tagged “{Script}”");
        await Expect(Site.CardTitle(Site.LibraryItems(page))).ToHaveTextAsync([paper.Title]);
        await Expect(Site.NoteBox(Site.LibraryItem(page, paper.Title))).ToHaveValueAsync(note);
        Assert.Equal(0, await page.GetByRole(AriaRole.Main).Locator("script").CountAsync());
        // The site's own scripts are files under /assets/, with nothing inline.
        Assert.All(await page.Locator("script").EvaluateAllAsync<string[]>("all => all.map(s => s.getAttribute('src') + '|' + s.textContent)"),
            script => Assert.Matches(@"^/assets/[^|]+\|$", script));
        Assert.Equal(0, await page.GetByRole(AriaRole.Main).Locator("img").CountAsync());
        Assert.Empty(session.Dialogs);
        await session.AssertCleanAsync();
    }
}
