using Paperboy.Ingest.Sources.OaiPmh;

namespace Paperboy.Ingest.Tests.Sources.OaiPmh;

public sealed class OaiPmhReaderTests
{
    private static Task<List<ImportRecord>> ReadAsync(string name) =>
        TestFiles.ReadAllAsync(new OaiPmhReader(), TestFiles.Fixture("oai-pmh", name));

    [Fact]
    public async Task A_saved_list_page_imports_its_six_papers()
    {
        var records = await ReadAsync("mikesaelim_listrecords_arXivRaw_resumptiontoken.xml");

        Assert.Equal(6, records.Count(r => r.Paper is not null));
        Assert.Equal(6, records.Count);
    }

    [Fact]
    public async Task A_saved_no_records_match_answer_imports_nothing_and_reports_nothing()
    {
        Assert.Empty(await ReadAsync("mikesaelim_error_noRecordsMatch.xml"));
    }

    [Fact]
    public async Task A_saved_protocol_error_is_one_import_error_with_its_code()
    {
        var records = await ReadAsync("mikesaelim_error_badResumptionToken.xml");

        var error = Assert.Single(records).Error!;
        Assert.Equal("mikesaelim_error_badResumptionToken.xml", error.File);
        Assert.Contains("badResumptionToken: The resumptionToken supplied is illegal", error.Message, StringComparison.Ordinal);
    }
}
