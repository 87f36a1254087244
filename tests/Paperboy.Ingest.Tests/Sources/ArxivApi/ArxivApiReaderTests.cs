using Paperboy.Ingest.Sources.ArxivApi;

namespace Paperboy.Ingest.Tests.Sources.ArxivApi;

public sealed class ArxivApiReaderTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_saved_search_page_imports_its_ten_papers()
    {
        var records = await TestFiles.ReadAllAsync(new ArxivApiReader(), TestFiles.Fixture("arxiv-api", "ewan-m_search_all-science_10entries_2019.xml"));

        Assert.Equal(10, records.Count);
        Assert.All(records, r => Assert.NotNull(r.Paper));
        Assert.Equal("1501.05039", records[0].Paper!.Id);
    }

    [Fact]
    public async Task A_saved_error_feed_is_one_import_error_naming_the_file_and_the_api_message()
    {
        var records = await TestFiles.ReadAllAsync(new ArxivApiReader(), TestFiles.Fixture("arxiv-api", "pubs_idlist_INVALIDID_error_entry_http400.xml"));

        var error = Assert.Single(records).Error!;
        Assert.Equal("pubs_idlist_INVALIDID_error_entry_http400.xml", error.File);
        Assert.Equal(1, error.Line);
        Assert.Contains("incorrect id format for INVALIDID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzipped_saved_page_imports_like_the_plain_one()
    {
        var gz = _files.Gzip(TestFiles.Fixture("arxiv-api", "pubs_idlist_math_0211159_oldid_msc_category.xml"), "page.xml.gz");

        var records = await TestFiles.ReadAllAsync(new ArxivApiReader(), gz);

        Assert.Equal("math/0211159", Assert.Single(records).Paper!.Id);
    }
}
