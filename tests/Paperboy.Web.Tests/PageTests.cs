namespace Paperboy.Web.Tests;

public sealed class PageTests(PaperboyWebFactory factory) : IClassFixture<PaperboyWebFactory>
{
    [Fact]
    public async Task Home_page_lists_the_latest_day_of_the_demo_corpus_a_page_at_a_time()
    {
        // The saved pages carry no dates, so every demo paper is listed on the day it was stored.
        var page = await Html.GetAsync(factory.CreateClient(), "/");

        Assert.StartsWith("Daily papers", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("403 papers", page.QuerySelector(".summary")!.TextContent.Trim());
        Assert.Equal(30, page.QuerySelectorAll("article.paper-card").Length);
        Assert.Matches(@"^/papers/daily/\d{4}-\d{2}-\d{2}\?page=2$", page.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Last_home_page_holds_the_remaining_papers()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/?page=14");

        Assert.Equal(403 - (13 * 30), page.QuerySelectorAll("article.paper-card").Length);
        Assert.Null(page.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Search_page_shows_ranked_results_with_highlighted_matches()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/search?q=rectified+flow+transformers");

        var first = page.QuerySelector("article.paper-card")!;
        Assert.Equal("Scaling Rectified Flow Transformers for High-Resolution Image Synthesis", first.QuerySelector("h2")!.TextContent.Trim());
        var marked = first.QuerySelectorAll("mark").Select(m => m.TextContent.ToLowerInvariant()).ToHashSet();
        Assert.Contains("rectified", marked);
        Assert.Contains("flow", marked);
        Assert.Matches(@"^\d+ papers match", page.QuerySelector(".summary")!.TextContent);
    }

    [Fact]
    public async Task Search_results_link_to_a_paper_page_with_the_cleaned_abstract()
    {
        var client = factory.CreateClient();
        var results = await Html.GetAsync(client, "/search?q=%22language-queried+audio+source+separation%22");
        string href = results.QuerySelector("article.paper-card h2 a")!.GetAttribute("href")!;

        var paper = await Html.GetAsync(client, href);

        Assert.StartsWith("/papers/title:", href, StringComparison.Ordinal);
        Assert.Equal("FlowSep: Language-Queried Sound Separation with Rectified Flow Matching", paper.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Language-queried audio source separation (LASS)", paper.QuerySelector("p.abstract")!.TextContent, StringComparison.Ordinal);
        // A paper known by title only links to a title search on arXiv.
        Assert.Equal(
            "https://arxiv.org/search/?searchtype=title&query=FlowSep%3A%20Language-Queried%20Sound%20Separation%20with%20Rectified%20Flow%20Matching",
            paper.QuerySelector("ul.links a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Search_page_without_a_query_shows_the_syntax_help()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/search");

        Assert.Empty(page.QuerySelectorAll("article.paper-card"));
        Assert.NotNull(page.QuerySelector("details.syntax[open]"));
    }

    [Fact]
    public async Task An_unknown_paper_is_404()
    {
        var response = await factory.CreateClient().GetAsync("/papers/2401.99999");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_and_their_stylesheet()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/");
        var css = await client.GetAsync("/assets/site.css");

        string policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("prefers-color-scheme: dark", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
