using System.Net;
using AngleSharp.Dom;
using static Paperboy.Web.Tests.BrowsingCorpus;

namespace Paperboy.Web.Tests;

public sealed class SearchFilterTests(BrowsingWebFactory factory) : IClassFixture<BrowsingWebFactory>
{
    [Fact]
    public async Task Has_code_alone_lists_exactly_the_papers_with_a_code_link()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/search?code=1&sort=newest");

        Assert.Equal([A, C], Ids(page));
        Assert.NotNull(page.QuerySelector("input#code[checked]"));
    }

    [Fact]
    public async Task Has_code_holds_beside_a_category_filter_instead_of_widening_it()
    {
        var client = factory.CreateClient();

        Assert.Equal([A, C], Ids(await Html.GetAsync(client, "/search?q=video&cat=cs.CV&code=1&sort=newest")));
        Assert.Empty(Ids(await Html.GetAsync(client, "/search?q=language&cat=cs.CL&code=1")));
        Assert.Equal([D], Ids(await Html.GetAsync(client, "/search?cat=cs.LG&to=2024-03-05")));
    }

    [Fact]
    public async Task A_date_range_filters_by_the_first_versions_date()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/search?q=models&from=2024-03-02&to=2024-03-11&sort=newest");

        Assert.Equal([F, A, C], Ids(page));
        Assert.Equal("2024-03-02", page.QuerySelector("input#from")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Facet_counts_link_to_the_same_search_narrowed_to_a_category_or_a_year()
    {
        var client = factory.CreateClient();
        var page = await Html.GetAsync(client, "/search?q=language");

        var categories = page.QuerySelectorAll("#facet-categories a[data-category]")
            .ToDictionary(a => a.GetAttribute("data-category")!, a => a.QuerySelector(".count")!.TextContent);
        Assert.Equal(new Dictionary<string, string> { ["cs.CL"] = "2" }, categories);
        Assert.Equal("/search?q=language&cat=cs.CL", page.QuerySelector("#facet-categories a[data-category='cs.CL']")!.GetAttribute("href"));
        Assert.Equal("/search?q=language&from=2024-01-01&to=2024-12-31", page.QuerySelector("#facet-years a[data-year='2024']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Sort_and_filters_survive_paging_links_and_the_form()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/search?q=video&sort=upvotes&code=1");

        Assert.Equal([C, A], Ids(page));
        Assert.NotNull(page.QuerySelector("select#sort option[value=upvotes][selected]"));
        Assert.Equal("/feeds/search.atom?q=video", page.QuerySelector("head link[type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/search?q=x&from=03/05/2024", "From date")]
    [InlineData("/search?q=x&cat=%3Cb%3E", "is not a category name")]
    [InlineData("/search?q=x&sort=random", "relevance, newest, upvotes")]
    public async Task A_bad_filter_is_a_400_that_names_it(string url, string expected)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, page.QuerySelector(".error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_works_without_javascript_and_names_what_the_script_targets()
    {
        var page = await Html.GetAsync(factory.CreateClient(), "/search?q=video");

        var form = page.QuerySelector("form#search-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        foreach (var name in new[] { "q", "cat", "from", "to", "code", "sort" })
        {
            var field = form.QuerySelector($"[name={name}]")!;
            Assert.NotNull(page.QuerySelector($"label[for={field.Id}]"));
        }
        Assert.NotNull(page.QuerySelector("#search-results #results"));
        Assert.Equal("/assets/search.js", page.QuerySelector("script[defer]")!.GetAttribute("src"));
    }

    private static List<string?> Ids(IDocument page) =>
        page.QuerySelectorAll("#results article.paper-card").Select(card => card.GetAttribute("data-id")).ToList();
}
