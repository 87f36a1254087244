using System.Text.Json;

namespace Paperboy.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HomePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Home_page_shows_the_latest_days_papers_in_the_order_of_the_daily_list()
    {
        await using var session = await fixture.OpenAsync();
        var daily = await DailyListAsync();

        var response = await session.GotoAsync("/");

        Assert.Equal(200, response.Status);
        Assert.True(daily.Count > BrowserFixture.DemoPapers / 20, $"the latest day lists {daily.Count} papers");
        await Expect(Site.Heading(session.Page)).ToContainTextAsync("Daily papers");
        await Expect(Site.CardTitle(Site.Cards(session.Page))).ToHaveTextAsync(daily.Select(p => p.Title).ToArray());
        await session.AssertCleanAsync();
    }

    [Fact]
    public async Task A_card_title_opens_the_paper_page()
    {
        await using var session = await fixture.OpenAsync();
        var second = (await DailyListAsync())[1];
        await session.GotoAsync("/");

        await Site.CardTitle(Site.Cards(session.Page).Nth(1)).GetByRole(AriaRole.Link).ClickAsync();

        await Expect(session.Page).ToHaveURLAsync(fixture.App.Url($"/papers/{second.Id}").ToString());
        await Expect(Site.Heading(session.Page)).ToHaveTextAsync(second.Title);
        await session.AssertCleanAsync();
    }

    // The first page of the latest daily list, as the JSON API gives it (30 papers a page, as the home page shows).
    private async Task<List<(string Id, string Title)>> DailyListAsync()
    {
        using var client = new HttpClient();
        var json = JsonDocument.Parse(await client.GetStringAsync(fixture.App.Url("/api/lists/daily?limit=30"))).RootElement;
        return [.. json.GetProperty("papers").EnumerateArray().Select(p => (p.GetProperty("id").GetString()!, p.GetProperty("title").GetString()!))];
    }
}
