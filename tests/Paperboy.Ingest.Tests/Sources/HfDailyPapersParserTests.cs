using System.Globalization;
using System.Text.Json.Nodes;
using Paperboy.Core.Papers;
using Paperboy.Ingest.Sources.HuggingFace;

namespace Paperboy.Ingest.Tests.Sources;

public sealed class HfDailyPapersParserTests : IDisposable
{
    private static readonly DateTimeOffset ReportedAt = new(2024, 10, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static async Task<IReadOnlyList<ImportRecord>> ParseAsync(Stream input) =>
        await HfDailyPapersParser.ParseAsync(input, "daily.json", ReportedAt, CancellationToken.None);

    private static Task<IReadOnlyList<ImportRecord>> ParseTextAsync(string json) => ParseAsync(TestFiles.Utf8(json));

    private static async Task<List<Paper>> SampleAsync()
    {
        await using var input = File.OpenRead(TestFiles.HfDaily());
        return (await ParseAsync(input)).Select(r => r.Paper!).ToList();
    }

    [Fact]
    public async Task The_trimmed_sample_yields_its_8_entries_in_order_without_errors()
    {
        await using var input = File.OpenRead(TestFiles.HfDaily());
        var records = await ParseAsync(input);

        Assert.Empty(records.Where(r => r.Error is not null).Select(r => r.Error!.ToString()));
        Assert.Equal(
            ["2410.17243", "2410.16251", "2410.18533", "2410.18693", "2410.18975", "2410.18978", "2410.18798", "2410.18745"],
            records.Select(r => r.Paper!.Id));
        Assert.Equal([64, 41, 37, 35, 28, 27, 17, 14], records.Select(r => r.Paper!.Engagement!.Upvotes));
        Assert.Equal([3, 2, 2, 2, 2, 2, 5, 3], records.Select(r => r.Paper!.Engagement!.Comments));
    }

    [Fact]
    public async Task First_entry_maps_title_authors_dates_and_engagement()
    {
        var paper = (await SampleAsync())[0];

        Assert.Equal("2410.17243", paper.ArxivId);
        Assert.Equal("Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss", paper.Title);
        Assert.Equal("Breaking the Memory Barrier: Near Infinite Batch Size Scaling for\n  Contrastive Loss", paper.TitleRaw);
        Assert.Equal(["Zesen Cheng", "Hang Zhang", "Kehan Li", "Sicong Leng", "Zhiqiang Hu", "Fei Wu", "Deli Zhao", "Xin Li", "Lidong Bing"], paper.Authors);
        Assert.StartsWith("Contrastive loss is a powerful approach for representation learning, where larger batch sizes", paper.Abstract, StringComparison.Ordinal);
        Assert.StartsWith("Contrastive loss is a powerful approach for representation learning, where\nlarger", paper.AbstractRaw, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.Parse("2024-10-22T17:59:30Z", CultureInfo.InvariantCulture), paper.Published);
        Assert.Empty(paper.Versions);
        Assert.Empty(paper.CodeLinks);
        var engagement = paper.Engagement!;
        Assert.Equal(new DateOnly(2024, 10, 25), engagement.TrendingDate);
        Assert.Equal("Zesen Cheng", engagement.SubmittedBy);
        Assert.Empty(engagement.Keywords);
        Assert.Equal(ReportedAt, engagement.ReportedAt);
        Assert.Equal(ImportSources.HfDaily, paper.FieldSources["title"]);
        Assert.Equal(ImportSources.HfDaily, paper.FieldSources["engagement"]);
        Assert.False(paper.FieldSources.ContainsKey("versions"));
    }

    [Fact]
    public async Task A_repository_in_the_summary_becomes_a_code_link()
    {
        var paper = (await SampleAsync()).Single(p => p.Id == "2410.18798");

        Assert.Equal(["https://github.com/hewei2001/ReachQA"], paper.CodeLinks);
        Assert.Equal("Zhiheng Xi", paper.Engagement!.SubmittedBy);
    }

    [Fact]
    public async Task A_leaked_latex_macro_in_a_summary_is_kept_as_text()
    {
        var paper = (await SampleAsync()).Single(p => p.Id == "2410.18745");

        Assert.Equal("Why Does the Effective Context Length of LLMs Fall Short?", paper.Title);
        Assert.Contains("To address this challenge, we introduce ShifTed Rotray position embeddING", paper.Abstract, StringComparison.Ordinal);
        Assert.Contains("Compared to commercial models, Llama 3.1 70B with \\method even achieves", paper.Abstract, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", paper.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Optional_fields_map_when_present_and_hidden_authors_are_skipped()
    {
        var json = """
            [{"paper":{"id":"2501.00001","title":"T","summary":"S","upvotes":5,
              "authors":[{"name":"Shown One","hidden":false},{"name":"Hidden Two","hidden":true},{"name":"Shown Three"}],
              "publishedAt":"2025-01-01T10:00:00.000Z"},
              "publishedAt":"2025-01-03T23:59:00.000Z","numComments":1,
              "githubRepo":"https://github.com/owner/repo","ai_keywords":["diffusion"," agents ",""],"ai_summary":"ignored",
              "submittedBy":{"name":"handle","type":"user"}}]
            """;
        var paper = (await ParseTextAsync(json)).Single().Paper!;

        Assert.Equal(["Shown One", "Shown Three"], paper.Authors);
        Assert.Equal(["https://github.com/owner/repo"], paper.CodeLinks);
        Assert.Equal(["diffusion", "agents"], paper.Engagement!.Keywords);
        Assert.Equal("handle", paper.Engagement.SubmittedBy);
        Assert.Equal(new DateOnly(2025, 1, 3), paper.Engagement.TrendingDate);
        Assert.Equal("S", paper.Abstract);
    }

    [Fact]
    public async Task A_missing_or_bad_id_is_an_error_for_that_entry_and_the_others_import()
    {
        var entries = JsonNode.Parse(await File.ReadAllTextAsync(TestFiles.HfDaily()))!.AsArray();
        entries[1]!["paper"]!.AsObject().Remove("id");
        entries[2]!["paper"]!["id"] = "not-an-id";
        entries.Insert(3, null);
        var records = await ParseTextAsync(entries.ToJsonString());

        Assert.Equal(9, records.Count);
        Assert.Equal(6, records.Count(r => r.Paper is not null));
        Assert.Equal("daily.json:2: daily-papers entry 2: missing \"paper.id\"", records[1].Error!.ToString());
        Assert.Equal("daily.json:3: daily-papers entry 3: paper.id \"not-an-id\" is not an arXiv identifier", records[2].Error!.ToString());
        Assert.Equal("daily.json:4: daily-papers entry 4: expected an object, found null", records[3].Error!.ToString());
        Assert.Equal("2410.18745", records[^1].Paper!.Id);
    }

    [Fact]
    public async Task An_api_error_object_is_a_payload_error_carrying_its_text()
    {
        var ex = await Assert.ThrowsAsync<SourcePayloadException>(() => ParseTextAsync("{\"error\": \"Invalid date format\"}"));

        Assert.Equal("hf daily papers daily.json: the API answered an error instead of papers: Invalid date format", ex.Message);
    }

    [Theory]
    [InlineData("", "empty payload")]
    [InlineData("  \n ", "empty payload")]
    [InlineData("\"text\"", "found a string")]
    [InlineData("{\"papers\": []}", "found an object")]
    public async Task Content_that_is_not_an_array_is_a_payload_error(string json, string expected)
    {
        var ex = await Assert.ThrowsAsync<SourcePayloadException>(() => ParseTextAsync(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_payload_error_with_its_position()
    {
        var ex = await Assert.ThrowsAsync<SourcePayloadException>(() => ParseTextAsync("[{\"paper\":{\"id\":\"2501.00001\",\"title\":\"T\"}},\n {\"paper\": nope}]"));

        Assert.StartsWith("hf daily papers daily.json: malformed JSON at line 2, byte 13: 'nope}]' is an invalid JSON literal.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_payload_is_a_payload_error()
    {
        var text = await File.ReadAllTextAsync(TestFiles.HfDaily());
        var ex = await Assert.ThrowsAsync<SourcePayloadException>(() => ParseTextAsync(text[..(text.Length / 2)]));

        Assert.Contains("malformed JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reader_dates_the_report_by_the_file_and_keeps_entries_read_before_a_fault()
    {
        var text = await File.ReadAllTextAsync(TestFiles.HfDaily());
        var path = _files.WriteText("cut.json", text[..^1] + ",{\"paper\":");
        var saved = new DateTime(2024, 10, 26, 8, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, saved);

        var records = await TestFiles.ReadAllAsync(new HfDailyPapersReader(), path);

        Assert.Equal(9, records.Count);
        Assert.All(records.Take(8), r => Assert.Equal(new DateTimeOffset(saved), r.Paper!.Engagement!.ReportedAt));
        Assert.StartsWith("cut.json:0: hf daily papers cut.json: malformed JSON", records[8].Error!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reader_reads_a_gzip_copy_like_the_plain_file()
    {
        var path = _files.Gzip(TestFiles.HfDaily(), "daily.json.gz");

        var records = await TestFiles.ReadAllAsync(RecordReaders.For(ImportFormat.HfDailyPapers), path);

        Assert.Equal(8, records.Count(r => r.Paper is not null));
    }
}
