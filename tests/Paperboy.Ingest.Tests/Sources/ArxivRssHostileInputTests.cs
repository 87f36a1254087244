using Paperboy.Ingest.Sources.ArxivRss;

namespace Paperboy.Ingest.Tests.Sources;

public sealed class ArxivRssHostileInputTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Task<ArxivRssPage> ParseTextAsync(string xml) =>
        ArxivRssParser.ParseAsync(TestFiles.Utf8(xml), "feed.xml", CancellationToken.None);

    [Fact]
    public async Task An_external_entity_is_refused_before_anything_is_fetched()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>
            """;
        var ex = await Assert.ThrowsAsync<SourcePayloadException>(() => ParseTextAsync(xml));

        Assert.Matches(@"^arxiv rss feed\.xml: not a well-formed feed at line \d+, position \d+ \(after 0 items\): For security reasons DTD is prohibited", ex.Message);
        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Billion_laughs_is_refused_without_expansion()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
            <rss version="2.0"><channel><item><title>&lol4;</title></item></channel></rss>
            """;
        var ex = await Assert.ThrowsAsync<SourcePayloadException>(() => ParseTextAsync(xml));

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_error_page_is_a_payload_error()
    {
        var ex = await Assert.ThrowsAsync<SourcePayloadException>(() =>
            ParseTextAsync("<html><head><title>503 Service Unavailable</title></head><body>Retry later</body></html>"));

        Assert.Equal("arxiv rss feed.xml: expected an RSS 1.0 (rdf:RDF) or RSS 2.0 (rss) feed, found an HTML page (an error or rate-limit page?)", ex.Message);
    }

    [Fact]
    public async Task An_html5_page_with_a_doctype_is_a_payload_error()
    {
        var ex = await Assert.ThrowsAsync<SourcePayloadException>(() => ParseTextAsync("<!DOCTYPE html>\n<html><body><p>Not found<br></body></html>"));

        Assert.Contains("DTD is prohibited", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<rss version=\"2.0\"><channel><item><title>x</title>")]
    [InlineData("<rss><channel></rss>")]
    [InlineData("not xml at all")]
    public async Task Empty_truncated_or_malformed_documents_are_payload_errors(string xml)
    {
        var ex = await Assert.ThrowsAsync<SourcePayloadException>(() => ParseTextAsync(xml));

        Assert.StartsWith("arxiv rss feed.xml: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_feed_cut_in_half_is_a_payload_error_naming_the_items_read()
    {
        var text = await File.ReadAllTextAsync(TestFiles.ArxivRss(TestFiles.RdfSample));

        var ex = await Assert.ThrowsAsync<SourcePayloadException>(() => ParseTextAsync(text[..(text.Length / 2)]));

        Assert.Matches(@"not a well-formed feed at line \d+, position \d+ \(after \d+ items\)", ex.Message);
    }

    [Fact]
    public async Task The_reader_keeps_items_read_before_a_truncation_and_reports_it()
    {
        var text = await File.ReadAllTextAsync(TestFiles.ArxivRss(TestFiles.RdfSample));
        var cut = text.IndexOf("<item rdf:about=\"http://arxiv.org/abs/1808.10000\"", StringComparison.Ordinal) + 40;
        var path = _files.WriteText("cut.rdf", text[..cut]);

        var records = await TestFiles.ReadAllAsync(new ArxivRssReader(), path);

        Assert.Equal(["1808.09955", "1808.09964", "1808.09987", "1808.09996", "1808.09999"], records.Where(r => r.Paper is not null).Select(r => r.Paper!.Id));
        Assert.StartsWith("cut.rdf:0: arxiv rss cut.rdf: not a well-formed feed", records[^1].Error!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_format_item_without_the_title_marker_is_an_error_with_its_line()
    {
        var xml = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel rdf:about="http://arxiv.org/"><title>cs updates on arXiv.org</title></channel>
            <item rdf:about="x"><title>Just a title</title></item>
            <item rdf:about="y"><title>Kept \method{} title. (arXiv:1808.00001v2 [cs.LG] UPDATED)</title>
            <description>&lt;p&gt;Uses \method to do $x$.&lt;/p&gt;</description><dc:creator>Plain Name, Other Name (Affil)</dc:creator></item>
            </rdf:RDF>
            """;
        var page = await ParseTextAsync(xml);

        Assert.Equal(["feed.xml:3: feed item 1: title \"Just a title\" lacks the \"(arXiv:ID [category])\" marker"], page.Errors.Select(e => e.ToString()));
        var item = Assert.Single(page.Items);
        Assert.Equal(AnnounceType.Replace, item.Announce);
        Assert.Equal(["Plain Name", "Other Name"], item.Paper.Authors);
        Assert.Equal("1808.00001", item.Paper.Id);
    }
}
