using System.Globalization;
using Paperboy.Core.Papers;
using Paperboy.Ingest.Sources.ArxivRss;

namespace Paperboy.Ingest.Tests.Sources;

/// <summary>The old (pre-2024) RSS 1.0/RDF listing format, on a real export.arxiv.org/rss/cs page of 2018-08-30.</summary>
public sealed class ArxivRssRdfTests
{
    private static async Task<ArxivRssPage> SampleAsync()
    {
        await using var input = File.OpenRead(TestFiles.ArxivRss(TestFiles.RdfSample));
        return await ArxivRssParser.ParseAsync(input, "cs.rdf", CancellationToken.None);
    }

    private static ArxivRssItem Item(ArxivRssPage page, string id) => page.Items.Single(i => i.Paper.Id == id);

    [Fact]
    public async Task The_cs_page_yields_185_items_74_updated_and_19_cross_lists()
    {
        var page = await SampleAsync();

        Assert.Empty(page.Errors.Select(e => e.ToString()));
        Assert.Equal(185, page.Items.Count);
        Assert.Equal("cs", page.Channel);
        Assert.Equal(DateTimeOffset.Parse("2018-08-30T20:30:00-05:00", CultureInfo.InvariantCulture), page.Date);
        Assert.Equal(74, page.Items.Count(i => i.Announce is AnnounceType.Replace or AnnounceType.ReplaceCross));
        Assert.Equal(19, page.Items.Count(i => i.Announce is AnnounceType.Cross or AnnounceType.ReplaceCross));
        Assert.Equal(103, page.Items.Count(i => i.Announce == AnnounceType.New));
        Assert.Equal(63, page.Items.Count(i => i.Announce == AnnounceType.Replace));
        Assert.Equal(8, page.Items.Count(i => i.Announce == AnnounceType.Cross));
        Assert.Equal(11, page.Items.Count(i => i.Announce == AnnounceType.ReplaceCross));
        Assert.Equal(185, page.Items.Select(i => i.Paper.Id).Distinct().Count());
    }

    [Fact]
    public async Task First_item_maps_id_version_category_authors_and_abstract()
    {
        var item = (await SampleAsync()).Items[0];
        var paper = item.Paper;

        Assert.Equal(AnnounceType.Cross, item.Announce); // astro-ph.IM in the cs feed
        Assert.Equal("1808.09955", paper.Id);
        Assert.Equal("1808.09955", paper.ArxivId);
        Assert.Equal([new PaperVersion(1, null)], paper.Versions);
        Assert.Equal(["astro-ph.IM"], paper.Categories);
        Assert.Equal("QuasarNET: Human-level spectral classification and redshifting with Deep Neural Networks", paper.Title);
        Assert.Equal("QuasarNET: Human-level spectral classification and redshifting with Deep Neural Networks. (arXiv:1808.09955v1 [astro-ph.IM])", paper.TitleRaw);
        Assert.Equal(["Nicolas Busca", "Christophe Balland"], paper.Authors);
        Assert.StartsWith("We introduce QuasarNET, a deep convolutional neural network that performs classification", paper.Abstract, StringComparison.Ordinal);
        Assert.Contains("We pose these two tasks as a feature detection problem", paper.Abstract, StringComparison.Ordinal);
        Assert.Contains("$99.51\\pm0.03$", paper.Abstract, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", paper.Abstract, StringComparison.Ordinal);
        Assert.StartsWith("<p>We introduce QuasarNET", paper.AbstractRaw, StringComparison.Ordinal);
        Assert.Null(paper.Published);
        Assert.False(paper.Withdrawn);
        Assert.Equal(ImportSources.ArxivRss, paper.FieldSources["versions"]);
        Assert.Equal(ImportSources.ArxivRss, paper.FieldSources["authors"]);
    }

    [Fact]
    public async Task An_updated_item_in_the_channel_is_a_replacement_with_its_version()
    {
        var item = Item(await SampleAsync(), "1301.1107");

        Assert.Equal(AnnounceType.Replace, item.Announce);
        Assert.Equal([new PaperVersion(6, null)], item.Paper.Versions);
        Assert.Equal("Spectral Condition-Number Estimation of Large Sparse Matrices", item.Paper.Title);
        Assert.Equal(["cs.NA"], item.Paper.Categories);
    }

    [Fact]
    public async Task Only_the_period_the_feed_appends_before_the_marker_is_removed_from_a_title()
    {
        var paper = Item(await SampleAsync(), "1806.02908").Paper;

        Assert.Equal("Is preprocessing of text really worth your time for online comment classification?", paper.Title);
    }

    [Fact]
    public async Task An_updated_cross_list_is_replace_cross_and_a_two_digit_version_parses()
    {
        var item = Item(await SampleAsync(), "1703.03391");

        Assert.Equal(AnnounceType.ReplaceCross, item.Announce);
        Assert.Equal(12, item.Paper.LatestVersion);
        Assert.Equal(["Antti Kuusisto"], item.Paper.Authors);
    }

    [Fact]
    public async Task Escaped_anchor_markup_yields_decoded_names_in_order_without_affiliations()
    {
        var page = await SampleAsync();

        Assert.Equal(["Andrés F. López-Lopera", "Nicolas Durrande", "Mauricio A. Alvarez"], Item(page, "1808.10026").Paper.Authors);
        Assert.Equal(["Thomas Chatain", "Stefan Haar", "Loïc Paulevé"], Item(page, "1808.10240").Paper.Authors);
    }

    [Fact]
    public async Task Doubly_escaped_angle_brackets_in_an_abstract_stay_as_text()
    {
        var paper = Item(await SampleAsync(), "1808.10128").Paper;

        Assert.Contains("a sizable set of high-quality <text, audio> pairs", paper.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reader_yields_every_item_as_a_paper()
    {
        var records = await TestFiles.ReadAllAsync(RecordReaders.For(ImportFormat.ArxivRss), TestFiles.ArxivRss(TestFiles.RdfSample));

        Assert.Equal(185, records.Count(r => r.Paper is not null));
        Assert.Equal("1808.09955", records[0].Paper!.Id);
    }
}
