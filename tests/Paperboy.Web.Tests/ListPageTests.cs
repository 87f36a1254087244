using System.Net;
using AngleSharp.Dom;
using static Paperboy.Web.Tests.BrowsingCorpus;

namespace Paperboy.Web.Tests;

public sealed class ListPageTests(BrowsingWebFactory factory) : IClassFixture<BrowsingWebFactory>
{
    [Fact]
    public async Task Home_page_is_the_latest_day_that_has_papers_ranked_by_trending()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/");

        Assert.Equal("11 March 2024", page.QuerySelector("#period-title")!.TextContent);
        Assert.Equal([A, B, F], Ids(page));
        Assert.Equal("3 papers", page.QuerySelector(".summary")!.TextContent.Trim());
        Assert.Equal("/papers/daily/2024-03-08", page.QuerySelector("#prev-period")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("#next-period"));
    }

    [Fact]
    public async Task A_day_sorted_by_newest_puts_the_latest_first_version_first()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/papers/daily/2024-03-11?sort=newest");

        Assert.Equal([F, A, B], Ids(page));
        Assert.Equal("page", page.QuerySelector("#sort-newest")!.GetAttribute("aria-current"));
        Assert.Null(page.QuerySelector("#sort-trending")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task New_badges_mark_papers_whose_first_version_appeared_on_the_last_day_or_the_day_before()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/papers/daily/2024-03-11");

        var badged = page.QuerySelectorAll("article.paper-card")
            .Where(card => card.QuerySelector(".badge.new") is not null)
            .Select(card => card.GetAttribute("data-id"))
            .ToList();
        Assert.Equal([A, F], badged);
    }

    [Fact]
    public async Task Category_counts_cover_the_whole_day_and_filter_the_list_when_followed()
    {
        var client = factory.CreateClient();
        var page = await Html.GetAsync(client, "/papers/daily/2024-03-11");

        var counts = page.QuerySelectorAll("#category-counts a[data-category]")
            .ToDictionary(a => a.GetAttribute("data-category")!, a => a.QuerySelector(".count")!.TextContent);
        Assert.Equal(new Dictionary<string, string> { ["cs.CL"] = "2", ["cs.CV"] = "1", ["cs.LG"] = "1" }, counts);

        string href = page.QuerySelector("#category-counts a[data-category='cs.CL']")!.GetAttribute("href")!;
        var filtered = await Html.GetAsync(client, href);

        Assert.Equal("/papers/daily/2024-03-11?category=cs.CL", href);
        Assert.Equal([B, F], Ids(filtered));
        Assert.Equal("page", filtered.QuerySelector("#category-counts a[data-category='cs.CL']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task A_week_is_an_iso_week_with_links_to_the_nearest_weeks_that_have_papers()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/papers/weekly/2024-W10?sort=upvotes");

        Assert.Equal("Week 10, 2024 (4–10 March)", page.QuerySelector("#period-title")!.TextContent);
        Assert.Equal([C, D], Ids(page));
        Assert.Equal("/papers/weekly/2024-W08?sort=upvotes", page.QuerySelector("#prev-period")!.GetAttribute("href"));
        Assert.Equal("/papers/weekly/2024-W11?sort=upvotes", page.QuerySelector("#next-period")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_month_holds_every_paper_listed_in_it()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/papers/monthly/2024-03?sort=upvotes");

        Assert.Equal("March 2024", page.QuerySelector("#period-title")!.TextContent);
        Assert.Equal([C, A, D, B, F], Ids(page));
        Assert.Equal("/papers/monthly/2024-02?sort=upvotes", page.QuerySelector("#prev-period")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("#next-period"));
    }

    [Fact]
    public async Task Weekly_without_a_period_shows_the_week_of_the_latest_day()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/papers/weekly");

        Assert.Equal("Week 11, 2024 (11–17 March)", page.QuerySelector("#period-title")!.TextContent);
        Assert.Equal([A, B, F], Ids(page));
    }

    [Theory]
    [InlineData("/papers/daily/2024-02-30")]
    [InlineData("/papers/weekly/2023-W53")]
    [InlineData("/papers/monthly/2024-13")]
    [InlineData("/papers/daily/yesterday")]
    public async Task A_period_that_does_not_exist_is_404(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_order_is_a_400_that_names_the_orders()
    {
        var response = await factory.CreateClient().GetAsync("/papers/daily/2024-03-11?sort=random");
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("trending, newest, upvotes", page.QuerySelector(".error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_without_papers_says_so_and_still_links_to_the_nearest_days()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/papers/daily/2024-03-09");

        Assert.Equal("0 papers", page.QuerySelector(".summary")!.TextContent.Trim());
        Assert.Equal("/papers/daily/2024-03-08", page.QuerySelector("#prev-period")!.GetAttribute("href"));
        Assert.Equal("/papers/daily/2024-03-11", page.QuerySelector("#next-period")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Trending_page_says_how_it_ranks_and_lets_age_outweigh_upvotes()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/trending");

        Assert.Equal([A, B, C, F, D], Ids(page));
        Assert.StartsWith("Papers listed in the last 7 days that have papers, ranked by (upvotes + 1) ÷ (age in hours + 2)^1.8",
            page.QuerySelector("#trending-explained")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("▲ 200", page.QuerySelector($"article[data-id='{C}'] .upvotes")!.TextContent);
    }

    [Fact]
    public async Task Trending_by_upvotes_and_by_category()
    {
        var client = factory.CreateClient();

        Assert.Equal([C, A, D, B, F], Ids(await Html.GetAsync(client, "/trending?sort=upvotes")));
        Assert.Equal([A, C], Ids(await Html.GetAsync(client, "/trending?category=cs.CV")));
    }

    private static List<string?> Ids(IDocument page) =>
        page.QuerySelectorAll("#papers article.paper-card").Select(card => card.GetAttribute("data-id")).ToList();
}
