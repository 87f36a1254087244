using System.Xml;
using System.Xml.Linq;
using static Paperboy.Web.Tests.BrowsingCorpus;

namespace Paperboy.Web.Tests;

/// <summary>Every feed is read back as Atom 1.0 (RFC 4287) and held to its required elements.</summary>
public sealed class FeedTests(BrowsingWebFactory factory) : IClassFixture<BrowsingWebFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("/feeds/daily.atom", "http://localhost/papers/daily/2024-03-11", new[] { A, B, F })]
    [InlineData("/feeds/trending.atom", "http://localhost/trending", new[] { A, B, C, F, D })]
    [InlineData("/feeds/categories/cs.CV.atom", "http://localhost/categories/cs.CV", new[] { A, C })]
    [InlineData("/feeds/authors/Alan%20Turing.atom", "http://localhost/authors/Alan%20Turing", new[] { B, E })]
    [InlineData("/feeds/search.atom?q=video", "http://localhost/search?q=video", new[] { A, C })]
    public async Task Feeds_are_atom_with_every_required_element(string url, string page, string[] ids)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var feed = await ReadAsync(response);

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal(page, feed.Element(Atom + "id")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")!.Value));
        Assert.Equal("Paperboy", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal(new Uri(new Uri("http://localhost"), url).AbsoluteUri, Link(feed, "self"));
        Assert.Equal(page, Link(feed, "alternate"));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(ids.Select(id => $"http://localhost/papers/{id}"), entries.Select(e => e.Element(Atom + "id")!.Value));
        foreach (var entry in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")!.Value));
            Assert.Equal(entry.Element(Atom + "id")!.Value, Link(entry, "alternate"));
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
            Assert.Equal("text", entry.Element(Atom + "summary")!.Attribute("type")!.Value);
        }
        Assert.Equal(entries.Max(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)),
            DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_entry_carries_the_papers_authors_categories_dates_and_abstract()
    {
        var feed = await ReadAsync(await factory.CreateClient().GetAsync("/feeds/categories/cs.CV.atom"));
        var entry = feed.Elements(Atom + "entry").Single(e => e.Element(Atom + "id")!.Value.EndsWith(A, StringComparison.Ordinal));

        Assert.Equal("Video Diffusion Transformers", entry.Element(Atom + "title")!.Value);
        Assert.Equal(["Ada Lovelace", "Grace Hopper"], entry.Elements(Atom + "author").Select(a => a.Element(Atom + "name")!.Value));
        Assert.Equal("http://localhost/authors/Ada%20Lovelace", entry.Element(Atom + "author")!.Element(Atom + "uri")!.Value);
        Assert.Equal(["cs.CV", "cs.LG"], entry.Elements(Atom + "category").Select(c => c.Attribute("term")!.Value));
        Assert.Equal("2024-03-10T18:00:00Z", entry.Element(Atom + "published")!.Value);
        Assert.Equal($"https://arxiv.org/abs/{A}", Link(entry, "related"));
        Assert.StartsWith("We present a diffusion transformer", entry.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "/feeds/daily.atom")]
    [InlineData("/trending", "/feeds/trending.atom")]
    [InlineData("/categories/cs.CV", "/feeds/categories/cs.CV.atom")]
    [InlineData("/authors/Alan%20Turing", "/feeds/authors/Alan%20Turing.atom")]
    [InlineData("/search?q=video", "/feeds/search.atom?q=video")]
    public async Task Pages_announce_their_feed_in_the_head(string url, string feed)
    {
        var page = await Html.GetAsync(factory.CreateClient(), url);

        Assert.Equal(feed, page.QuerySelector("head link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_search_feed_without_a_query_is_a_400_problem()
    {
        var response = await factory.CreateClient().GetAsync("/feeds/search.atom");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private static async Task<XElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode}");
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        return (await XDocument.LoadAsync(reader, LoadOptions.None, CancellationToken.None)).Root!;
    }

    private static string? Link(XElement element, string rel) =>
        element.Elements(Atom + "link").FirstOrDefault(l => l.Attribute("rel")!.Value == rel)?.Attribute("href")!.Value;
}
