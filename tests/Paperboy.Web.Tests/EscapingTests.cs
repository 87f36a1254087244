using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Core.Papers;
using Paperboy.Core.Storage;

namespace Paperboy.Web.Tests;

/// <summary>Titles and abstracts come from outside: markup in them must show as text everywhere.</summary>
public sealed class EscapingTests : IAsyncLifetime
{
    private const string HostileTitle = "<script>alert('pwned')</script> Zebrafish <b>bold</b> & friends";
    private readonly PaperboyWebFactory _factory = new();

    public async Task InitializeAsync()
    {
        var store = _factory.Services.GetRequiredService<IPaperStore>();
        await store.UpsertAsync([new Paper
        {
            Id = "2401.66666",
            ArxivId = "2401.66666",
            Title = HostileTitle,
            TitleRaw = HostileTitle,
            Abstract = "Zebrafish <img src=x onerror=alert(1)> regenerate fins.",
            AbstractRaw = "Zebrafish <img src=x onerror=alert(1)> regenerate fins.",
            Authors = ["<i>Mallory</i>"],
        }], CancellationToken.None);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/search?q=zebrafish")]
    [InlineData("/papers/2401.66666")]
    [InlineData("/")]
    [InlineData("/authors/%3Ci%3EMallory%3C%2Fi%3E")]
    public async Task A_title_holding_a_script_tag_shows_as_text(string url)
    {
        var response = await _factory.CreateClient().GetAsync(url);
        string html = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(html);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        // Only the site's own script files, never a script from the data.
        Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("/assets/", s.GetAttribute("src"), StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("script"), s => Assert.Equal("", s.TextContent));
        Assert.Empty(page.QuerySelectorAll("img"));
        Assert.Empty(page.QuerySelectorAll("main b, main i"));
        Assert.Contains(page.QuerySelectorAll("h1, h2"), h => h.TextContent.Trim() == HostileTitle);
    }

    [Fact]
    public async Task The_search_query_is_escaped_where_the_page_repeats_it()
    {
        string query = "\"><script>alert(2)</script>";
        string html = await _factory.CreateClient().GetStringAsync($"/search?q={Uri.EscapeDataString(query)}");
        var page = await Html.ParseAsync(html);

        Assert.All(page.QuerySelectorAll("script"), s => Assert.StartsWith("/assets/", s.GetAttribute("src"), StringComparison.Ordinal));
        Assert.Equal(query, page.QuerySelector("input#q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_feed_keeps_markup_in_a_title_as_text()
    {
        string xml = await _factory.CreateClient().GetStringAsync("/feeds/authors/%3Ci%3EMallory%3C%2Fi%3E.atom");
        var feed = System.Xml.Linq.XDocument.Parse(xml).Root!;
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.DoesNotContain("<script>", xml, StringComparison.Ordinal);
        Assert.Equal(HostileTitle, feed.Element(atom + "entry")!.Element(atom + "title")!.Value);
        Assert.Equal("<i>Mallory</i>", feed.Element(atom + "entry")!.Element(atom + "author")!.Element(atom + "name")!.Value);
        Assert.Equal("Paperboy: papers by <i>Mallory</i>", feed.Element(atom + "title")!.Value);
    }

    [Fact]
    public async Task Json_keeps_the_title_as_data_with_markup_characters_escaped()
    {
        string body = await _factory.CreateClient().GetStringAsync("/api/papers/2401.66666");

        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Equal(HostileTitle, JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
    }
}
