using System.Net;
using AngleSharp.Dom;
using static Paperboy.Web.Tests.BrowsingCorpus;

namespace Paperboy.Web.Tests;

public sealed class BrowsePageTests(BrowsingWebFactory factory) : IClassFixture<BrowsingWebFactory>
{
    [Fact]
    public async Task Paper_page_links_each_author_and_category_and_the_paper_elsewhere()
    {
        var page = await Html.GetAsync(factory.CreateClient(), $"/papers/{A}");

        Assert.Equal(["/authors/Ada%20Lovelace", "/authors/Grace%20Hopper"],
            page.QuerySelectorAll("#paper-authors a.author").Select(a => a.GetAttribute("href")));
        Assert.Equal(["/categories/cs.CV", "/categories/cs.LG"],
            page.QuerySelectorAll("#paper-categories a").Select(a => a.GetAttribute("href")));
        Assert.Equal($"https://arxiv.org/abs/{A}", page.QuerySelector("#link-arxiv")!.GetAttribute("href"));
        Assert.Equal($"https://arxiv.org/pdf/{A}", page.QuerySelector("#link-pdf")!.GetAttribute("href"));
        Assert.Equal("https://doi.org/10.1234/vdt.2024", page.QuerySelector("#link-doi")!.GetAttribute("href"));
        Assert.Equal("https://github.com/example/vidit", page.QuerySelector("a.link-code")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Paper_page_keeps_the_math_as_escaped_text_for_katex_to_render_in_the_browser()
    {
        var response = await factory.CreateClient().GetAsync($"/papers/{A}");
        string html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(html);

        var abstractText = page.QuerySelector("#abstract[data-math]")!;
        Assert.Contains("its loss scales as $x^2 + \\alpha$ over frames", abstractText.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/assets/theme.js", "/assets/paper.js"], page.QuerySelectorAll("script").Select(s => s.GetAttribute("src")));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal("", s.TextContent));
        Assert.Contains("script-src 'self'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/assets/katex/katex.min.js", "text/javascript; charset=utf-8", "katex")]
    [InlineData("/assets/katex/auto-render.min.js", "text/javascript; charset=utf-8", "renderMathInElement")]
    [InlineData("/assets/katex/katex.min.css", "text/css; charset=utf-8", "fonts/KaTeX_Main-Regular.woff2")]
    [InlineData("/assets/paper.js", "text/javascript; charset=utf-8", "/assets/katex/auto-render.min.js")]
    public async Task Katex_is_served_from_this_server(string url, string contentType, string expected)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_font_the_katex_stylesheet_asks_for_in_woff2_is_served()
    {
        var client = factory.CreateClient();
        string css = await client.GetStringAsync("/assets/katex/katex.min.css");
        var fonts = System.Text.RegularExpressions.Regex.Matches(css, @"url\((fonts/[^)]+\.woff2)\)").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.True(fonts.Count >= 19, $"only {fonts.Count} fonts in the stylesheet");
        foreach (var font in fonts)
        {
            var response = await client.GetAsync($"/assets/katex/{font}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("font/woff2", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("wOF2"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync())[..4]);
        }
    }

    [Fact]
    public async Task Bibtex_is_on_the_page_and_a_plain_link_answers_it_as_text_x_bibtex()
    {
        var client = factory.CreateClient();
        var page = await Html.GetAsync(client, $"/papers/{A}");
        string href = page.QuerySelector("#bibtex-link")!.GetAttribute("href")!;
        var response = await client.GetAsync(href);
        string entry = await response.Content.ReadAsStringAsync();

        Assert.Equal($"/papers/{A}/bibtex", href);
        Assert.Equal("text/x-bibtex", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("@misc{lovelace2024video,\n  title = {Video Diffusion Transformers},\n  author = {Lovelace, Ada and Hopper, Grace},", entry, StringComparison.Ordinal);
        Assert.Contains($"  eprint = {{{A}}},\n", entry, StringComparison.Ordinal);
        Assert.Equal(entry, page.QuerySelector("#bibtex")!.TextContent);
        Assert.Equal("bibtex", page.QuerySelector("#copy-bibtex")!.GetAttribute("data-copy-target"));
    }

    [Fact]
    public async Task Similar_papers_come_from_the_papers_distinctive_words()
    {
        var page = await Html.GetAsync(factory.CreateClient(), $"/papers/{A}");

        var similar = page.QuerySelectorAll("#similar article.paper-card").Select(c => c.GetAttribute("data-id")).ToList();
        Assert.Equal(C, similar[0]);
        Assert.DoesNotContain(A, similar);
    }

    [Fact]
    public async Task Author_page_lists_their_papers_newest_first_with_a_feed()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/authors/Grace%20Hopper");

        Assert.Equal("Grace Hopper", page.QuerySelector("#author-name")!.FirstChild!.TextContent.Trim());
        Assert.Equal([A, C], Ids(page));
        Assert.Equal("/feeds/authors/Grace%20Hopper.atom",
            page.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_author_without_papers_is_404()
    {
        var response = await factory.CreateClient().GetAsync("/authors/Nobody%20Atall");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Category_page_shows_what_trends_in_it_then_its_newest_papers()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/categories/cs.LG");

        Assert.Equal([A, D], page.QuerySelectorAll("#category-trending article.paper-card").Select(c => c.GetAttribute("data-id")));
        Assert.Equal([A, D], Ids(page));
        Assert.Equal("/feeds/categories/cs.LG.atom",
            page.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Categories_page_counts_every_category_and_no_reserved_one()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/categories");

        var counts = page.QuerySelectorAll("#categories li").ToDictionary(li => li.QuerySelector("a")!.TextContent, li => li.QuerySelector(".count")!.TextContent);
        Assert.Equal(new Dictionary<string, string> { ["cs.CL"] = "2", ["cs.CV"] = "2", ["cs.LG"] = "2", ["stat.ML"] = "1" }, counts);
    }

    private static List<string?> Ids(IDocument page) =>
        page.QuerySelectorAll("#papers article.paper-card").Select(card => card.GetAttribute("data-id")).ToList();
}
