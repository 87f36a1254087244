namespace Paperboy.Ingest.Tests.Formats;

public sealed class FormatDetectorTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("000_892b15f28ca5c8ed.txt")]
    [InlineData("002_72daaec25fc5a6c3.txt")]
    [InlineData("003_3904dbe7b03b7fcd.txt")]
    [InlineData("004_1af3005760444885.txt")]
    public void Each_seed_page_is_detected_as_a_saved_page(string seed)
    {
        Assert.Equal(ImportFormat.SavedPage, FormatDetector.Detect(TestFiles.Seed(seed)));
    }

    [Fact]
    public void The_kaggle_sample_is_detected_as_a_snapshot()
    {
        Assert.Equal(ImportFormat.KaggleSnapshot, FormatDetector.Detect(TestFiles.Kaggle()));
    }

    [Theory]
    [InlineData("ewan-m_search_all-science_10entries_2019.xml")]
    [InlineData("pubs_idlist_1710.08557_doi_journalref.xml")]
    [InlineData("pubs_idlist_INVALIDID_error_entry_http400.xml")]
    [InlineData("pubs_idlist_astro-ph_9812133_oldid_affiliations.xml")]
    [InlineData("pubs_idlist_math_0211159_oldid_msc_category.xml")]
    [InlineData("pubs_idlist_math_9501234_oldid_journalref.xml")]
    public void Each_arxiv_api_fixture_is_detected_as_an_api_feed(string name)
    {
        Assert.Equal(ImportFormat.ArxivApiFeed, FormatDetector.Detect(TestFiles.Fixture("arxiv-api", name)));
    }

    [Theory]
    [InlineData("hepcrawl_getrecord_arXiv_1401.2122.xml")]
    [InlineData("hepcrawl_getrecord_arXiv_collaboration_authors.xml")]
    [InlineData("hepcrawl_listrecords_arXiv_hep-th_3records.xml")]
    [InlineData("mikesaelim_error_badResumptionToken.xml")]
    [InlineData("mikesaelim_error_noRecordsMatch.xml")]
    [InlineData("mikesaelim_getrecord_arXivRaw.xml")]
    [InlineData("mikesaelim_listrecords_arXivRaw_resumptiontoken.xml")]
    public void Each_oai_pmh_fixture_is_detected_as_oai_pmh(string name)
    {
        Assert.Equal(ImportFormat.OaiPmh, FormatDetector.Detect(TestFiles.Fixture("oai-pmh", name)));
    }

    [Fact]
    public void The_daily_papers_sample_is_detected_as_hf_daily_papers()
    {
        Assert.Equal(ImportFormat.HfDailyPapers, FormatDetector.Detect(TestFiles.HfDaily()));
    }

    [Theory]
    [InlineData(TestFiles.RdfSample)]
    [InlineData(TestFiles.Rss2Sample)]
    public void Each_listing_feed_sample_is_detected_as_arxiv_rss(string name)
    {
        Assert.Equal(ImportFormat.ArxivRss, FormatDetector.Detect(TestFiles.ArxivRss(name)));
    }

    [Fact]
    public void Gzip_content_is_sniffed_after_decompression_whatever_the_extension()
    {
        var kaggle = _files.Gzip(TestFiles.Kaggle(), "snapshot.txt");
        var page = _files.Gzip(TestFiles.Seed("002_72daaec25fc5a6c3.txt"), "page.json");

        Assert.Equal(ImportFormat.KaggleSnapshot, FormatDetector.Detect(kaggle));
        Assert.Equal(ImportFormat.SavedPage, FormatDetector.Detect(page));
    }

    [Fact]
    public void A_saved_page_without_its_chrome_is_still_detected_by_its_shape()
    {
        var lines = TestFiles.Lines(TestFiles.Seed("000_892b15f28ca5c8ed.txt")).Skip(10);
        var path = _files.Write("no-chrome.data", lines);

        Assert.Equal(ImportFormat.SavedPage, FormatDetector.Detect(path));
    }

    [Fact]
    public void A_snapshot_whose_first_line_exceeds_the_sniffed_head_is_still_detected()
    {
        var line = "{\"id\":\"0704.0001\",\"abstract\":\"" + new string('x', 100_000) + "\"}";
        var path = _files.Write("long.jsonl", [line, line]);

        Assert.Equal(ImportFormat.KaggleSnapshot, FormatDetector.Detect(path));
    }

    [Theory]
    [InlineData("empty.jsonl", "")]
    [InlineData("blank.txt", "\n\n   \n")]
    [InlineData("prose.txt", "Dear diary,\nToday nothing happened.\n")]
    [InlineData("array.json", "[{\"id\":\"0704.0001\",\"title\":\"x\"}]")]
    [InlineData("other.jsonl", "{\"name\":\"not a paper\"}\n")]
    [InlineData("feed.xml", "<?xml version=\"1.0\"?><feed></feed>")]
    public void Unknown_content_is_unknown(string name, string content)
    {
        Assert.Equal(ImportFormat.Unknown, FormatDetector.Detect(_files.WriteText(name, content)));
    }

    [Fact]
    public void Binary_content_is_unknown()
    {
        var path = Path.Combine(_files.Scratch, "blob.bin");
        File.WriteAllBytes(path, [0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]);

        Assert.Equal(ImportFormat.Unknown, FormatDetector.Detect(path));
    }

    [Fact]
    public void Each_known_format_has_a_reader_and_unknown_has_none()
    {
        Assert.IsType<Paperboy.Ingest.SavedPages.SavedPageReader>(RecordReaders.For(ImportFormat.SavedPage));
        Assert.IsType<Paperboy.Ingest.Kaggle.KaggleSnapshotReader>(RecordReaders.For(ImportFormat.KaggleSnapshot));
        Assert.IsType<Paperboy.Ingest.Sources.ArxivApi.ArxivApiReader>(RecordReaders.For(ImportFormat.ArxivApiFeed));
        Assert.IsType<Paperboy.Ingest.Sources.OaiPmh.OaiPmhReader>(RecordReaders.For(ImportFormat.OaiPmh));
        Assert.IsType<Paperboy.Ingest.Sources.HuggingFace.HfDailyPapersReader>(RecordReaders.For(ImportFormat.HfDailyPapers));
        Assert.IsType<Paperboy.Ingest.Sources.ArxivRss.ArxivRssReader>(RecordReaders.For(ImportFormat.ArxivRss));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecordReaders.For(ImportFormat.Unknown));
    }
}
