using System.Globalization;
using System.Text;
using Paperboy.Core.Papers;
using Paperboy.Ingest.Sources.OaiPmh;

namespace Paperboy.Ingest.Tests.Sources.OaiPmh;

public sealed class OaiPmhParserTests
{
    private const string RawList = "mikesaelim_listrecords_arXivRaw_resumptiontoken.xml";
    private const string ArxivList = "hepcrawl_listrecords_arXiv_hep-th_3records.xml";

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    internal static async Task<OaiPmhPage> ParseFixtureAsync(string name)
    {
        await using var stream = File.OpenRead(TestFiles.Fixture("oai-pmh", name));
        return await OaiPmhParser.ParseAsync(stream, name, CancellationToken.None);
    }

    internal static async Task<OaiPmhPage> ParseTextAsync(string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return await OaiPmhParser.ParseAsync(stream, "test.xml", CancellationToken.None);
    }

    private static async Task<Dictionary<string, Paper>> PapersAsync(string name) =>
        (await ParseFixtureAsync(name)).Records.Select(r => r.Paper!).ToDictionary(p => p.Id);

    // A ListRecords response around the given records, to test what no real fixture shows.
    private static string ListRecords(string records, string token = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
        <responseDate>2024-05-01T00:00:00Z</responseDate>
        <request verb="ListRecords">http://export.arxiv.org/oai2</request>
        <ListRecords>
        {records}
        {token}
        </ListRecords>
        </OAI-PMH>
        """;

    private static string ArxivRecord(string id, string title, string abstractText) => $"""
        <record><header><identifier>oai:arXiv.org:{id}</identifier><datestamp>2024-05-01</datestamp></header>
        <metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>{id}</id><created>2024-04-01</created>
        <authors><author><keyname>Lovelace</keyname><forenames>Ada</forenames></author></authors>
        <title>{title}</title><categories>cs.LG</categories><abstract>{abstractText}</abstract></arXiv></metadata></record>
        """;

    [Fact]
    public async Task An_arxivraw_list_page_yields_six_papers_and_its_resumption_token()
    {
        var page = await ParseFixtureAsync(RawList);

        Assert.DoesNotContain(page.Records, r => r.Error is not null);
        Assert.Equal(["0704.0471", "0704.0716", "0704.0874", "0704.1109", "0704.1114", "0704.1586"], page.Records.Select(r => r.Paper!.Id));
        Assert.Equal(new OaiResumptionToken("726959|1001", 0, 58011), page.Resumption);
        Assert.True(page.Resumption!.HasMore);
        Assert.Null(page.Error);
        Assert.Equal(Utc("2015-01-06T20:49:59Z"), page.ResponseDate);
    }

    [Fact]
    public async Task Arxivraw_versions_give_the_full_history_with_their_rfc822_dates()
    {
        var paper = (await PapersAsync(RawList))["0704.0716"];

        Assert.Equal(
            [
                new PaperVersion(1, Utc("2007-04-05T12:45:03Z")), new PaperVersion(2, Utc("2007-09-28T15:13:43Z")),
                new PaperVersion(3, Utc("2008-02-29T16:05:39Z")), new PaperVersion(4, Utc("2008-11-14T09:07:25Z")),
            ],
            paper.Versions);
        Assert.Equal(Utc("2007-04-05T12:45:03Z"), paper.Published);
        Assert.Equal(Utc("2008-11-14T09:07:25Z"), paper.Updated);
        Assert.Equal(["math-ph", "math.MP"], paper.Categories);
        Assert.Equal(["Christoph Richard"], paper.Authors);
        Assert.Equal("Polygons, polyominoes and polycubes, 247-299, Lecture Notes in Phys., 775, Springer, Dordrecht, 2009", paper.JournalRef);
        Assert.Equal("54 pages, 2 figures; v2 updated and slightly expanded; v3 changes in some proofs; v4 slightly expanded", paper.Comments);
        Assert.Equal(ImportSources.OaiPmh, paper.FieldSources["versions"]);
    }

    [Fact]
    public async Task Arxivraw_authors_are_split_and_the_first_of_several_dois_is_kept()
    {
        var papers = await PapersAsync(RawList);
        var shetty = papers["0704.0471"];

        Assert.Equal(["D.V. Shetty", "S.J. Yennello", "G.A. Souliotis"], shetty.Authors);
        Assert.Equal("10.1103/PhysRevC.76.024606", shetty.Doi);
        Assert.Equal("Phys.Rev.C76:024606,2007; Erratum-ibid.C76:039902,2007", shetty.JournalRef);
        Assert.Contains("rules out an extremely \" stiff \" and \" soft \" form of the density", shetty.Abstract, StringComparison.Ordinal);
        Assert.Equal(["nucl-ex", "nucl-th"], shetty.Categories);
        Assert.Equal("10.1103/PhysRevC.76.014611", papers["0704.1586"].Doi);
        Assert.Equal("Core excitation in the elastic scattering and breakup of $^{11}$Be on protons", papers["0704.1586"].Title);
        Assert.Equal(["N.C. Summers", "F.M. Nunes"], papers["0704.1586"].Authors);
        Assert.Equal(["Valeria M. Rosa", "Patricio S. letelier"], papers["0704.1109"].Authors);
        Assert.Null(papers["0704.0874"].Doi);
    }

    [Fact]
    public async Task An_arxivraw_get_record_has_two_versions_and_no_resumption_token()
    {
        var page = await ParseFixtureAsync("mikesaelim_getrecord_arXivRaw.xml");
        var paper = Assert.Single(page.Records).Paper!;

        Assert.Equal("1302.2146", paper.Id);
        Assert.Equal([new PaperVersion(1, Utc("2013-02-08T21:00:01Z")), new PaperVersion(2, Utc("2013-04-02T01:50:08Z"))], paper.Versions);
        Assert.Equal(["Joshua Berger", "Maxim Perelstein", "Michael Saelim", "Philip Tanedo"], paper.Authors);
        Assert.Equal(["hep-ph", "hep-ex"], paper.Categories);
        Assert.Equal("The Same-Sign Dilepton Signature of RPV/MFV SUSY", paper.Title);
        Assert.Equal("18 pages, 6 figures; v2: References added", paper.Comments);
        Assert.Null(page.Resumption);
        Assert.Null(page.Error);
        Assert.Equal(Utc("2015-01-06T20:48:16Z"), page.ResponseDate);
    }

    [Fact]
    public async Task No_records_match_is_returned_as_an_error_value_with_no_records()
    {
        var page = await ParseFixtureAsync("mikesaelim_error_noRecordsMatch.xml");

        Assert.Equal(new OaiError("noRecordsMatch", "Set argument doesn't match any sets. The setSpec was 'moo'"), page.Error);
        Assert.Empty(page.Records);
        Assert.Null(page.Resumption);
        Assert.Equal(Utc("2015-06-23T13:28:30Z"), page.ResponseDate);
    }

    [Fact]
    public async Task A_bad_resumption_token_is_returned_as_an_error_value()
    {
        var page = await ParseFixtureAsync("mikesaelim_error_badResumptionToken.xml");

        Assert.Equal(new OaiError("badResumptionToken", "The resumptionToken supplied is illegal for this repository"), page.Error);
        Assert.Empty(page.Records);
        Assert.Equal(Utc("2015-06-23T13:31:17Z"), page.ResponseDate);
    }

    [Fact]
    public async Task An_arxiv_format_page_maps_structured_authors_dates_and_cross_lists()
    {
        var page = await ParseFixtureAsync(ArxivList);
        var papers = page.Records.Select(r => r.Paper!).ToDictionary(p => p.Id);
        var hoehn = papers["1412.8323"];

        Assert.Equal(["1412.8323", "1507.07790", "1607.01710"], page.Records.Select(r => r.Paper!.Id));
        Assert.Null(page.Resumption);
        Assert.Equal(["Philipp A Hoehn"], hoehn.Authors);
        Assert.Equal(["quant-ph", "gr-qc", "hep-th", "math-ph", "math.MP", "physics.hist-ph"], hoehn.Categories);
        Assert.Equal(Utc("2014-12-29T00:00:00Z"), hoehn.Published);
        Assert.Equal(Utc("2017-12-13T00:00:00Z"), hoehn.Updated);
        Assert.Equal([new PaperVersion(1, Utc("2014-12-29T00:00:00Z"))], hoehn.Versions);
        Assert.Equal("Toolbox for reconstructing quantum theory from rules on information acquisition", hoehn.Title);
        Assert.Null(hoehn.Doi);
        Assert.Equal(
            ["R. A. C. Correa", "D. M. Dantas", "P. H. R. S. Moraes", "A. de Souza Dutra", "C. A. S. Almeida"],
            papers["1607.01710"].Authors);
        Assert.Equal("10.1002/andp.201700188", papers["1607.01710"].Doi);
        Assert.Null(papers["1607.01710"].Comments);
        Assert.Equal("J. Phys. A: Math. Theor. 51 (2018) 035201", papers["1507.07790"].JournalRef);
        Assert.Contains("equivalence to the spin-$1/2$ AB problem", papers["1507.07790"].Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_arxiv_format_get_record_keeps_six_categories_and_drops_msc_classes()
    {
        var paper = Assert.Single((await ParseFixtureAsync("hepcrawl_getrecord_arXiv_1401.2122.xml")).Records).Paper!;

        Assert.Equal("1401.2122", paper.Id);
        Assert.Equal(["math.AP", "hep-th", "math-ph", "math.DG", "math.MP", "nlin.SI"], paper.Categories);
        Assert.Equal(["A. Sergyeyev"], paper.Authors);
        Assert.Equal("10.1007/s11005-017-1013-4", paper.Doi);
        Assert.Equal("Lett. Math. Phys. 108 (2018), no. 2, 359-376", paper.JournalRef);
        Assert.Equal(Utc("2014-01-09T00:00:00Z"), paper.Published);
        Assert.Equal(Utc("2017-10-23T00:00:00Z"), paper.Updated);
        Assert.StartsWith("We introduce a novel systematic construction", paper.Abstract, StringComparison.Ordinal);
        Assert.Contains("contact vector fields. In particular, we present", paper.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mis_split_collaboration_authors_keep_their_names_and_the_letterless_entry_is_dropped()
    {
        var paper = Assert.Single((await ParseFixtureAsync("hepcrawl_getrecord_arXiv_collaboration_authors.xml")).Records).Paper!;

        Assert.Equal("1603.05976", paper.Id);
        Assert.Equal(65, paper.Authors.Count);
        Assert.Equal(["Keck Array", "BICEP2 Collaborations", "P. Ade", "Z. Ahmed"], paper.Authors.Take(4));
        Assert.Equal("K. W. Yoon", paper.Authors[^1]);
        Assert.Contains("R. O'Brient", paper.Authors);
        Assert.Contains("R. W. IV", paper.Authors);
        Assert.DoesNotContain(":", paper.Authors);
        Assert.Equal(["astro-ph.IM", "astro-ph.CO"], paper.Categories);
        Assert.Equal(Utc("2016-03-18T00:00:00Z"), paper.Published);
        Assert.Equal(paper.Published, paper.Updated);
        Assert.Contains("a tensor-to-scalar ratio of $r<1\\times10^{-4}$", paper.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleted_records_are_skipped_without_an_error()
    {
        var deleted = """<record><header status="deleted"><identifier>oai:arXiv.org:2401.00001</identifier><datestamp>2024-05-01</datestamp></header></record>""";
        var page = await ParseTextAsync(ListRecords(deleted + ArxivRecord("2401.00002", "Kept", "An abstract.")));

        var record = Assert.Single(page.Records);
        Assert.Equal("2401.00002", record.Paper!.Id);
        Assert.Equal(["Ada Lovelace"], record.Paper.Authors);
    }

    [Fact]
    public async Task An_empty_resumption_token_means_the_list_is_complete()
    {
        var page = await ParseTextAsync(ListRecords(
            ArxivRecord("2401.00002", "Last page", "An abstract."),
            """<resumptionToken cursor="1000" completeListSize="1001"/>"""));

        Assert.Equal(new OaiResumptionToken(null, 1000, 1001), page.Resumption);
        Assert.False(page.Resumption!.HasMore);
    }

    [Fact]
    public async Task A_withdrawal_notice_in_the_abstract_sets_withdrawn()
    {
        var page = await ParseTextAsync(ListRecords(ArxivRecord("2401.00003", "Gone", "This paper has been withdrawn by the authors.")));

        Assert.True(Assert.Single(page.Records).Paper!.Withdrawn);
    }

    [Fact]
    public async Task The_header_identifier_stands_in_when_the_metadata_has_no_id()
    {
        var record = ArxivRecord("math/0309136", "Old style", "An abstract.").Replace("<id>math/0309136</id>", "", StringComparison.Ordinal);

        var page = await ParseTextAsync(ListRecords(record));

        Assert.Equal("math/0309136", Assert.Single(page.Records).Paper!.Id);
    }

    [Fact]
    public async Task A_record_with_a_bad_id_is_an_error_at_its_line_and_the_others_import()
    {
        var text = await File.ReadAllTextAsync(TestFiles.Fixture("oai-pmh", RawList));
        var broken = text
            .Replace("<identifier>oai:arXiv.org:0704.0874</identifier>", "<identifier>oai:arXiv.org:junk</identifier>", StringComparison.Ordinal)
            .Replace("<id>0704.0874</id>", "<id>not-an-id</id>", StringComparison.Ordinal);
        var recordStart = broken.LastIndexOf("<record>", broken.IndexOf("oai:arXiv.org:junk", StringComparison.Ordinal), StringComparison.Ordinal);

        var page = await ParseTextAsync(broken);

        var error = Assert.Single(page.Records, r => r.Error is not null).Error!;
        Assert.Equal(broken[..recordStart].Count(c => c == '\n') + 1, error.Line);
        Assert.Equal("record oai:arXiv.org:junk: \"not-an-id\" is not an arXiv identifier", error.Message);
        Assert.Equal(["0704.0471", "0704.0716", "0704.1109", "0704.1114", "0704.1586"], page.Records.Where(r => r.Paper is not null).Select(r => r.Paper!.Id));
        Assert.Equal("726959|1001", page.Resumption!.Token);
    }

    [Fact]
    public async Task A_record_in_an_unsupported_metadata_format_is_an_error_naming_the_format()
    {
        var dc = """
            <record><header><identifier>oai:arXiv.org:2401.00004</identifier><datestamp>2024-05-01</datestamp></header>
            <metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"><id>2401.00004</id></oai_dc:dc></metadata></record>
            """;

        var page = await ParseTextAsync(ListRecords(dc));

        var error = Assert.Single(page.Records).Error!;
        Assert.Contains("http://www.openarchives.org/OAI/2.0/oai_dc/ is not supported", error.Message, StringComparison.Ordinal);
    }
}
