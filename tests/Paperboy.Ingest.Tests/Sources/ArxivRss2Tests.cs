using System.Globalization;
using Paperboy.Core.Papers;
using Paperboy.Ingest.Sources.ArxivRss;

namespace Paperboy.Ingest.Tests.Sources;

/// <summary>The 2024+ rss.arxiv.org RSS 2.0 format, on a hand-written sample (no real saved page was found; see PROVENANCE.md).</summary>
public sealed class ArxivRss2Tests
{
    private static async Task<ArxivRssPage> SampleAsync()
    {
        await using var input = File.OpenRead(TestFiles.ArxivRss(TestFiles.Rss2Sample));
        return await ArxivRssParser.ParseAsync(input, "cs.xml", CancellationToken.None);
    }

    [Fact]
    public async Task The_sample_yields_four_items_with_each_announce_type()
    {
        var page = await SampleAsync();

        Assert.Empty(page.Errors);
        Assert.Equal("cs", page.Channel);
        Assert.Equal(DateTimeOffset.Parse("2024-01-09T00:00:00-05:00", CultureInfo.InvariantCulture), page.Date);
        Assert.Equal(["2401.01234", "2312.05678", "2401.00999", "2310.11111"], page.Items.Select(i => i.Paper.Id));
        Assert.Equal([AnnounceType.New, AnnounceType.Replace, AnnounceType.Cross, AnnounceType.ReplaceCross], page.Items.Select(i => i.Announce));
        Assert.Equal([1, 3, 1, 2], page.Items.Select(i => i.Paper.LatestVersion));
    }

    [Fact]
    public async Task A_new_item_maps_categories_authors_abstract_and_code_link()
    {
        var paper = (await SampleAsync()).Items[0].Paper;

        Assert.Equal("A Handmade Sample Title About Sparse Attention", paper.Title);
        Assert.Equal(["cs.LG", "cs.AI"], paper.Categories);
        Assert.Equal(["Ada Example", "Bo Sample", "Chloé Placeholder"], paper.Authors);
        Assert.Equal([new PaperVersion(1, null)], paper.Versions);
        Assert.Equal("We study sparse attention with a $k$-nearest rule and the handmade estimator. Code: https://github.com/example-org/sparse-attn.", paper.Abstract);
        Assert.StartsWith("We study sparse attention", paper.AbstractRaw, StringComparison.Ordinal);
        Assert.Equal(["https://github.com/example-org/sparse-attn"], paper.CodeLinks);
        Assert.Null(paper.Published);
        Assert.Equal(ImportSources.ArxivRss, paper.FieldSources["categories"]);
    }

    [Fact]
    public async Task A_withdrawal_notice_marks_the_paper_withdrawn()
    {
        var page = await SampleAsync();

        Assert.True(page.Items[1].Paper.Withdrawn);
        Assert.Equal([false, true, false, false], page.Items.Select(i => i.Paper.Withdrawn));
    }

    [Fact]
    public async Task Entities_in_the_abstract_are_decoded_once()
    {
        var paper = (await SampleAsync()).Items[2].Paper;

        Assert.Equal("A made-up abstract with an ampersand & a bracket <x>.", paper.Abstract);
    }

    [Fact]
    public async Task A_missing_announce_type_is_inferred_from_the_version_and_a_bad_item_keeps_the_others()
    {
        var xml = """
            <rss version="2.0"><channel><title>math.OC updates on arXiv.org</title>
            <item><title>Good</title><guid>oai:arXiv.org:2401.00002v2</guid><description>Abstract only.</description></item>
            <item><title>No id</title><description>No identifier anywhere.</description></item>
            <item><title>Bad id</title><guid>oai:arXiv.org:9999.99999</guid></item>
            <item><title>Also good</title><link>https://arxiv.org/abs/2401.00003</link></item>
            </channel></rss>
            """;
        var page = await ArxivRssParser.ParseAsync(TestFiles.Utf8(xml), "feed.xml", CancellationToken.None);

        Assert.Equal("math.OC", page.Channel);
        Assert.Equal(["2401.00002", "2401.00003"], page.Items.Select(i => i.Paper.Id));
        Assert.Equal([AnnounceType.Replace, AnnounceType.New], page.Items.Select(i => i.Announce));
        Assert.Equal("Abstract only.", page.Items[0].Paper.Abstract);
        Assert.Equal(
            ["feed.xml:3: feed item 2: no arXiv id in guid, description or link",
             "feed.xml:4: feed item 3: \"oai:arXiv.org:9999.99999\" is not an arXiv identifier"],
            page.Errors.Select(e => e.ToString()));
    }
}
