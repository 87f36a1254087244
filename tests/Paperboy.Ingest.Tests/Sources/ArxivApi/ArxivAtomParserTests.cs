using System.Globalization;
using System.Text;
using Paperboy.Core.Papers;
using Paperboy.Ingest.Sources.ArxivApi;

namespace Paperboy.Ingest.Tests.Sources.ArxivApi;

public sealed class ArxivAtomParserTests
{
    private const string Search = "ewan-m_search_all-science_10entries_2019.xml";

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    internal static async Task<ArxivFeedPage> ParseFixtureAsync(string name)
    {
        await using var stream = File.OpenRead(TestFiles.Fixture("arxiv-api", name));
        return await ArxivAtomParser.ParseAsync(stream, name, CancellationToken.None);
    }

    internal static async Task<ArxivFeedPage> ParseTextAsync(string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return await ArxivAtomParser.ParseAsync(stream, "test.xml", CancellationToken.None);
    }

    private static async Task<Paper> OnlyPaperAsync(string name)
    {
        var page = await ParseFixtureAsync(name);
        return Assert.Single(page.Records).Paper!;
    }

    // One entry in a minimal feed, to test what no real fixture shows (a later version, a withdrawal).
    private static string Feed(string id, string summary, string comment = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
          <entry>
            <id>{id}</id>
            <updated>2024-03-05T10:00:00Z</updated>
            <published>2024-01-02T09:30:00Z</published>
            <title>A test paper</title>
            <summary>{summary}</summary>
            <author><name>Ada Lovelace</name></author>
            {comment}
            <arxiv:primary_category term="cs.LG"/>
            <category term="cs.LG"/>
            <category term="stat.ML"/>
          </entry>
        </feed>
        """;

    [Fact]
    public async Task Search_page_reports_its_paging_numbers_and_ten_papers_in_feed_order()
    {
        var page = await ParseFixtureAsync(Search);

        Assert.Equal(120839, page.TotalResults);
        Assert.Equal(0, page.StartIndex);
        Assert.Equal(10, page.ItemsPerPage);
        Assert.DoesNotContain(page.Records, r => r.Error is not null);
        Assert.Equal(
            ["1501.05039", "1503.01162", "quant-ph/0210005", "0808.0631", "0808.0638", "0808.0639", "0705.1367", "1802.03292", "physics/0507092", "1312.7288"],
            page.Records.Select(r => r.Paper!.Id));
    }

    [Fact]
    public async Task Old_style_ids_keep_their_archive_and_get_version_one_with_the_published_date()
    {
        var papers = (await ParseFixtureAsync(Search)).Records.Select(r => r.Paper!).ToDictionary(p => p.Id);
        var nielsen = papers["quant-ph/0210005"];

        Assert.Equal("quant-ph/0210005", nielsen.ArxivId);
        Assert.Equal([new PaperVersion(1, Utc("2002-10-01T13:23:14Z"))], nielsen.Versions);
        Assert.Equal(Utc("2002-10-01T13:23:14Z"), nielsen.Published);
        Assert.Equal(Utc("2002-10-01T13:23:14Z"), nielsen.Updated);
        Assert.Equal("6 pages, invited contribution to QCMC 2002, a considerably abbreviated version of quant-ph/0208078", nielsen.Comments);
        Assert.Equal(["quant-ph"], nielsen.Categories);
        Assert.Equal(["G. Giacomelli", "R. Giacomelli"], papers["physics/0507092"].Authors);
    }

    [Fact]
    public async Task Accented_author_names_and_wrapped_titles_come_out_clean()
    {
        var papers = (await ParseFixtureAsync(Search)).Records.Select(r => r.Paper!).ToDictionary(p => p.Id);
        var garik = papers["1503.01162"];

        Assert.Equal(["Peter Garik", "Yann Benétreau-Dupin"], garik.Authors);
        Assert.Equal(
            "Report on a Boston University Conference December 7-8, 2012 on 'How Can the History and Philosophy of Science Contribute to Contemporary U.S. Science Teaching?'",
            garik.Title);
        Assert.Contains("\n  the History", garik.TitleRaw, StringComparison.Ordinal);
        Assert.Equal("Science & Education, September 2014, 23(9): 1853-1873", garik.JournalRef);
        Assert.Equal("10.1007/s11191-014-9716-8", garik.Doi);
        Assert.Equal(["physics.ed-ph", "physics.hist-ph", "physics.soc-ph"], garik.Categories);
        Assert.Equal(["Hans R. Künsch"], papers["0808.0631"].Authors);
    }

    [Fact]
    public async Task TeX_quotes_in_a_summary_become_typographic_quotes()
    {
        var papers = (await ParseFixtureAsync(Search)).Records.Select(r => r.Paper!).ToDictionary(p => p.Id);

        Assert.Equal("Comment on \u201CThe 2005 Neyman Lecture: Dynamic Indeterminism in Science\u201D [arXiv:0808.0620]", papers["0808.0631"].Abstract);
        Assert.StartsWith("  Comment on ``The 2005", papers["0808.0631"].AbstractRaw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Msc_and_acm_codes_among_the_category_terms_are_dropped()
    {
        var papers = (await ParseFixtureAsync(Search)).Records.Select(r => r.Paper!).ToDictionary(p => p.Id);
        var perelman = await OnlyPaperAsync("pubs_idlist_math_0211159_oldid_msc_category.xml");

        Assert.Equal(["cs.LO"], papers["1802.03292"].Categories);
        Assert.Equal(["cs.DB", "cs.CY"], papers["1501.05039"].Categories);
        Assert.Equal(["math.DG"], perelman.Categories);
        Assert.Equal("math/0211159", perelman.Id);
        Assert.Equal(["Grisha Perelman"], perelman.Authors);
        Assert.Equal("39 pages", perelman.Comments);
        Assert.Null(perelman.Doi);
    }

    [Fact]
    public async Task Perlmutter_keeps_32_authors_in_order_with_affiliations_left_out()
    {
        var paper = await OnlyPaperAsync("pubs_idlist_astro-ph_9812133_oldid_affiliations.xml");

        Assert.Equal("astro-ph/9812133", paper.Id);
        Assert.Equal(32, paper.Authors.Count);
        Assert.Equal(["S. Perlmutter", "G. Aldering", "G. Goldhaber"], paper.Authors.Take(3));
        Assert.Equal("W. J. Couch", paper.Authors[^1]);
        Assert.DoesNotContain(paper.Authors, a => a.Contains("Supernova", StringComparison.Ordinal));
        Assert.Equal(["astro-ph", "hep-ex", "hep-ph"], paper.Categories);
        Assert.Equal("10.1086/307221", paper.Doi);
        Assert.Equal("Astrophys.J.517:565-586,1999", paper.JournalRef);
        Assert.Equal(
            "21 pages and 10 figures. Accepted for publication in the Astrophysical Journal. Individual color figures, supplementary tables, and preprint also available at http://www-supernova.lbl.gov/",
            paper.Comments);
        Assert.Contains("with a confidence of P(Lambda > 0) = 99%", paper.Abstract, StringComparison.Ordinal);
        Assert.Equal([new PaperVersion(1, Utc("1998-12-08T03:27:34Z"))], paper.Versions);
    }

    [Fact]
    public async Task Knuth_keeps_a_midnight_date_and_his_journal_reference()
    {
        var paper = await OnlyPaperAsync("pubs_idlist_math_9501234_oldid_journalref.xml");

        Assert.Equal("math/9501234", paper.Id);
        Assert.Equal(Utc("1995-01-23T00:00:00Z"), paper.Published);
        Assert.Equal(TimeSpan.Zero, paper.Published!.Value.Offset);
        Assert.Equal("Aztec diamonds, checkerboard graphs, and spanning trees", paper.Title);
        Assert.Equal(["Donald E. Knuth"], paper.Authors);
        Assert.Equal("J. Algebraic Combin. 6 (1997), no. 3, 253\u2013257", paper.JournalRef);
        Assert.Equal(["math.CO"], paper.Categories);
    }

    [Fact]
    public async Task A_new_style_id_maps_doi_journal_reference_and_field_sources()
    {
        var page = await ParseFixtureAsync("pubs_idlist_1710.08557_doi_journalref.xml");
        var paper = Assert.Single(page.Records).Paper!;

        Assert.Equal(1, page.TotalResults);
        Assert.Equal("1710.08557", paper.Id);
        Assert.Equal("On Neuromechanical Approaches for the Study of Biological Grasp and Manipulation", paper.Title);
        Assert.Equal(["Francisco J Valero-Cuevas", "Marco Santello"], paper.Authors);
        Assert.Equal("10.1186/s12984-017-0305-3", paper.Doi);
        Assert.Equal("Journal of NeuroEngineering and Rehabilitation, 2017", paper.JournalRef);
        Assert.Equal(["cs.RO"], paper.Categories);
        Assert.Equal([new PaperVersion(1, Utc("2017-10-24T00:21:32Z"))], paper.Versions);
        Assert.Null(paper.Comments);
        Assert.False(paper.Withdrawn);
        Assert.StartsWith("Biological and robotic grasp and manipulation are undeniably similar at the level", paper.Abstract, StringComparison.Ordinal);
        Assert.Equal(ImportSources.ArxivApi, paper.FieldSources["doi"]);
        Assert.Equal(ImportSources.ArxivApi, paper.FieldSources["versions"]);
        Assert.False(paper.FieldSources.ContainsKey("comments"));
    }

    [Fact]
    public async Task The_api_error_feed_throws_with_the_error_text_instead_of_yielding_a_paper()
    {
        var ex = await Assert.ThrowsAsync<SourcePayloadException>(
            () => ParseFixtureAsync("pubs_idlist_INVALIDID_error_entry_http400.xml"));

        Assert.Contains("incorrect id format for INVALIDID", ex.Message, StringComparison.Ordinal);
        Assert.Contains("pubs_idlist_INVALIDID_error_entry_http400.xml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_version_records_v1_with_published_and_the_latest_with_updated()
    {
        var page = await ParseTextAsync(Feed("http://arxiv.org/abs/2401.01234v3", "A summary."));
        var paper = Assert.Single(page.Records).Paper!;

        Assert.Equal("2401.01234", paper.Id);
        Assert.Equal(
            [new PaperVersion(1, Utc("2024-01-02T09:30:00Z")), new PaperVersion(3, Utc("2024-03-05T10:00:00Z"))],
            paper.Versions);
        Assert.Equal(3, paper.LatestVersion);
        Assert.Equal(Utc("2024-03-05T10:00:00Z"), paper.Updated);
        Assert.Equal(["cs.LG", "stat.ML"], paper.Categories);
        Assert.Null(page.TotalResults);
    }

    [Fact]
    public async Task A_withdrawal_comment_sets_withdrawn_and_code_links_come_from_summary_and_comment()
    {
        var page = await ParseTextAsync(Feed(
            "http://arxiv.org/abs/2401.01234v2",
            "Code at https://github.com/ada/engine.",
            "<arxiv:comment>This paper has been withdrawn by the author due to an error; see gitlab.com/ada/notes</arxiv:comment>"));
        var paper = Assert.Single(page.Records).Paper!;

        Assert.True(paper.Withdrawn);
        Assert.Equal(["https://github.com/ada/engine", "https://gitlab.com/ada/notes"], paper.CodeLinks);
        Assert.Equal(ImportSources.ArxivApi, paper.FieldSources["codeLinks"]);
    }

    [Fact]
    public async Task An_entry_without_an_id_is_an_error_at_its_line_and_the_others_import()
    {
        var text = await File.ReadAllTextAsync(TestFiles.Fixture("arxiv-api", Search));
        var broken = text.Replace("    <id>http://arxiv.org/abs/0808.0631v1</id>\n", "", StringComparison.Ordinal);
        var entryStart = broken.LastIndexOf("<entry>", broken.IndexOf("<title>Comment: The 2005 Neyman Lecture", StringComparison.Ordinal), StringComparison.Ordinal);
        var entryLine = broken[..entryStart].Count(c => c == '\n') + 1;

        var page = await ParseTextAsync(broken);

        var error = Assert.Single(page.Records, r => r.Error is not null).Error!;
        Assert.Equal("test.xml", error.File);
        Assert.Equal(entryLine, error.Line);
        Assert.Contains("no <id>", error.Message, StringComparison.Ordinal);
        Assert.Equal(9, page.Records.Count(r => r.Paper is not null));
        Assert.Equal("0808.0638", page.Records[4].Paper!.Id);
    }
}
