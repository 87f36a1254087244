namespace Paperboy.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Home_page_lists_the_newest_papers_of_the_store_in_order()
    {
        await using var session = await fixture.OpenAsync();
        var newest = await fixture.App.Store.ListRecentAsync(0, 25, CancellationToken.None);
        long total = await fixture.App.Store.CountAsync(CancellationToken.None);

        var response = await session.GotoAsync("/");

        Assert.Equal(200, response.Status);
        Assert.True(total > BrowserFixture.DemoPapers, $"the store holds the demo corpus and the fixture's paper, not {total}");
        await Expect(Site.Heading(session.Page)).ToContainTextAsync($"{total} papers");
        await Expect(Site.CardTitle(Site.Cards(session.Page))).ToHaveTextAsync(newest.Select(p => p.Title).ToArray());
        await session.AssertCleanAsync();
    }

    [Fact]
    public async Task A_card_title_opens_the_paper_page()
    {
        await using var session = await fixture.OpenAsync();
        var second = (await fixture.App.Store.ListRecentAsync(1, 1, CancellationToken.None)).Single();
        await session.GotoAsync("/");

        await Site.CardTitle(Site.Cards(session.Page).Nth(1)).GetByRole(AriaRole.Link).ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(fixture.App.Url($"/papers/{second.Id}").ToString());
        await Expect(Site.Heading(session.Page)).ToHaveTextAsync(second.Title);
        await session.AssertCleanAsync();
    }
}
