using System.Globalization;
using Paperboy.Core.Papers;
using Paperboy.Ingest.Kaggle;

namespace Paperboy.Ingest.Tests.Kaggle;

public sealed class KaggleSnapshotReaderTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly KaggleSnapshotReader _reader = new();

    public void Dispose() => _files.Dispose();

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private async Task<Dictionary<string, Paper>> ReadSampleAsync()
    {
        var records = await TestFiles.ReadAllAsync(_reader, TestFiles.Kaggle());
        return records.Select(r => r.Paper!).ToDictionary(p => p.Id);
    }

    [Fact]
    public async Task The_200_line_sample_yields_200_papers_and_no_errors()
    {
        var records = await TestFiles.ReadAllAsync(_reader, TestFiles.Kaggle());

        Assert.Empty(records.Where(r => r.Error is not null).Select(r => r.Error!.ToString()));
        Assert.Equal(200, records.Count);
        Assert.Equal("0704.0001", records[0].Paper!.Id);
        Assert.Equal("0704.0200", records[^1].Paper!.Id);
        Assert.Equal(78, records.Count(r => r.Paper!.Categories.Count > 1));
        Assert.Equal(87, records.Count(r => r.Paper!.Versions.Count > 1));
    }

    [Fact]
    public async Task First_paper_maps_every_field()
    {
        var paper = (await ReadSampleAsync())["0704.0001"];

        Assert.Equal("0704.0001", paper.ArxivId);
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", paper.Title);
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies", paper.TitleRaw);
        Assert.Equal(["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"], paper.Authors);
        Assert.Equal(["hep-ph"], paper.Categories);
        Assert.Equal("10.1103/PhysRevD.76.013009", paper.Doi);
        Assert.Equal("Phys.Rev.D76:013009,2007", paper.JournalRef);
        Assert.Equal("37 pages, 15 figures; published version", paper.Comments);
        Assert.Equal(
            [new PaperVersion(1, Utc("2007-04-02T19:18:42Z")), new PaperVersion(2, Utc("2007-07-24T20:10:27Z"))],
            paper.Versions);
        Assert.Equal(Utc("2007-04-02T19:18:42Z"), paper.Published);
        Assert.Equal(Utc("2007-07-24T20:10:27Z"), paper.Updated);
        Assert.StartsWith("A fully differential calculation in perturbative quantum chromodynamics is presented", paper.Abstract, StringComparison.Ordinal);
        Assert.StartsWith("  A fully differential calculation", paper.AbstractRaw, StringComparison.Ordinal);
        Assert.False(paper.Withdrawn);
        Assert.Equal(ImportSources.KaggleSnapshot, paper.FieldSources["title"]);
        Assert.Equal(ImportSources.KaggleSnapshot, paper.FieldSources["versions"]);
    }

    [Fact]
    public async Task Papers_that_give_the_same_fields_share_one_read_only_source_map()
    {
        var papers = (await ReadSampleAsync()).Values.ToList();

        var maps = papers.Select(p => p.FieldSources).Distinct(ReferenceEqualityComparer.Instance).Cast<IReadOnlyDictionary<string, string>>().ToList();

        // A handful of field sets in 200 records (with and without a DOI, a journal, comments, ...).
        Assert.InRange(maps.Count, 2, 20);
        foreach (var paper in papers)
        {
            // Each map still names exactly the fields its paper has.
            Assert.Equal(paper.Doi is not null, paper.FieldSources.ContainsKey("doi"));
            Assert.Equal(paper.Comments is not null, paper.FieldSources.ContainsKey("comments"));
            Assert.Equal(paper.JournalRef is not null, paper.FieldSources.ContainsKey("journalRef"));
            Assert.All(paper.FieldSources.Values, source => Assert.Equal(ImportSources.KaggleSnapshot, source));
        }
        var shared = (IDictionary<string, string>)papers[0].FieldSources;
        Assert.Throws<NotSupportedException>(() => shared["title"] = "someone else");
    }

    [Fact]
    public async Task Categories_keep_the_primary_first_and_math_stays_verbatim()
    {
        var paper = (await ReadSampleAsync())["0704.0002"];

        Assert.Equal(["math.CO", "cs.CG"], paper.Categories);
        Assert.Contains("the $(k,\\ell)$-pebble game with colors", paper.Abstract, StringComparison.Ordinal);
        Assert.Equal(["Ileana Streinu", "Louis Theran"], paper.Authors);
    }

    [Fact]
    public async Task A_five_version_paper_keeps_every_version_in_order()
    {
        var paper = (await ReadSampleAsync())["0704.0098"];

        Assert.Equal([1, 2, 3, 4, 5], paper.Versions.Select(v => v.Number));
        Assert.Equal(5, paper.LatestVersion);
        Assert.Equal(Utc("2007-04-01T18:27:26Z"), paper.Published);
        Assert.Equal(Utc("2008-04-30T15:36:55Z"), paper.Updated);
    }

    [Fact]
    public async Task Author_suffixes_accents_and_affiliations_are_handled()
    {
        var papers = await ReadSampleAsync();

        Assert.Contains("Neal J. Evans II", papers["0704.0009"].Authors);
        Assert.Equal(["Rastislav Šrámek", "Broňa Brejová", "Tomáš Vinař"], papers["0704.0062"].Authors);
        Assert.Equal(["V. M. Biryukov"], papers["0704.0031"].Authors); // the affiliation "Serpukhov, IHEP" is not a name
        Assert.Equal(["Mikkel Øbro"], papers["0704.0049"].Authors);
    }

    [Fact]
    public async Task The_withdrawn_paper_is_flagged_and_only_it()
    {
        var papers = await ReadSampleAsync();

        Assert.True(papers["0704.0156"].Withdrawn);
        Assert.Equal(["0704.0156"], papers.Values.Where(p => p.Withdrawn).Select(p => p.Id));
    }

    [Fact]
    public async Task A_broken_line_in_the_middle_costs_one_error_and_no_other_paper()
    {
        var lines = TestFiles.Lines(TestFiles.Kaggle());
        lines[99] = lines[99][..120]; // line 100 cut off mid-record
        var path = _files.Write("broken.jsonl", lines);

        var records = await TestFiles.ReadAllAsync(_reader, path);

        var error = Assert.Single(records, r => r.Error is not null).Error!;
        Assert.Equal("broken.jsonl", error.File);
        Assert.Equal(100, error.Line);
        Assert.StartsWith("invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(199, records.Count(r => r.Paper is not null));
        Assert.Equal("0704.0099", records[98].Paper!.Id);
        Assert.Equal("0704.0101", records[100].Paper!.Id);
    }

    [Theory]
    [InlineData("{\"title\":\"No id\"}", "missing \"id\"")]
    [InlineData("{\"id\":\"INVALIDID\",\"title\":\"Bad id\"}", "id \"INVALIDID\" is not an arXiv identifier")]
    [InlineData("{\"id\":\"0704.9999\",\"title\":\"  \"}", "record 0704.9999: missing \"title\"")]
    [InlineData("null", "expected a JSON object, found null")]
    public async Task Records_without_a_usable_id_or_title_are_errors(string badLine, string message)
    {
        var lines = TestFiles.Lines(TestFiles.Kaggle()).Take(3).ToList();
        lines.Insert(1, badLine);
        var path = _files.Write("bad.jsonl", lines);

        var records = await TestFiles.ReadAllAsync(_reader, path);

        Assert.Equal(new ImportError("bad.jsonl", 2, message), Assert.Single(records, r => r.Error is not null).Error);
        Assert.Equal(3, records.Count(r => r.Paper is not null));
    }

    [Fact]
    public async Task Json_of_the_wrong_shape_is_an_error_not_a_crash()
    {
        var path = _files.Write("shape.jsonl", ["[1, 2]", "{\"id\": 704.0001, \"title\": \"x\"}", "{\"id\":\"0704.0001\",\"title\":\"ok\",\"versions\":\"v1\"}"]);

        var records = await TestFiles.ReadAllAsync(_reader, path);

        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Error!.Line));
        Assert.All(records, r => Assert.StartsWith("invalid JSON", r.Error!.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Blank_lines_are_skipped_and_line_numbers_stay_physical()
    {
        var lines = TestFiles.Lines(TestFiles.Kaggle()).Take(4).ToList();
        lines.Insert(0, "");
        lines.Insert(2, "   ");
        lines.Add("{oops");
        var path = _files.Write("blanks.jsonl", lines);

        var records = await TestFiles.ReadAllAsync(_reader, path);

        Assert.Equal(4, records.Count(r => r.Paper is not null));
        Assert.Equal(7, Assert.Single(records, r => r.Error is not null).Error!.Line);
    }

    [Fact]
    public async Task A_gzip_copy_reads_the_same()
    {
        var path = _files.Gzip(TestFiles.Kaggle(), "snapshot.json.gz");

        var plain = await TestFiles.ReadAllAsync(_reader, TestFiles.Kaggle());
        var gzip = await TestFiles.ReadAllAsync(_reader, path);

        Assert.Equal(plain.Select(r => (r.Paper!.Id, r.Paper.Title, r.Paper.Authors.Count)), gzip.Select(r => (r.Paper!.Id, r.Paper.Title, r.Paper.Authors.Count)));
    }

    [Fact]
    public async Task Without_authors_parsed_the_raw_author_string_is_split()
    {
        var path = _files.Write("raw-authors.jsonl",
        [
            "{\"id\":\"0704.0032\",\"title\":\"T\",\"authors\":\"A. Esteban-Pretel, R. Tom\\\\`as and J. W. F. Valle (IFIC, Valencia)\"}",
        ]);

        var paper = Assert.Single(await TestFiles.ReadAllAsync(_reader, path)).Paper!;

        Assert.Equal(["A. Esteban-Pretel", "R. Tomàs", "J. W. F. Valle"], paper.Authors);
        Assert.Empty(paper.Versions);
        Assert.Null(paper.Published);
    }

    [Fact]
    public async Task Updated_falls_back_to_update_date_when_versions_have_no_dates()
    {
        var path = _files.Write("dates.jsonl",
        [
            "{\"id\":\"2401.01234\",\"title\":\"T\",\"versions\":[{\"version\":\"v1\",\"created\":\"not a date\"}],\"update_date\":\"2024-01-05\"}",
        ]);

        var paper = Assert.Single(await TestFiles.ReadAllAsync(_reader, path)).Paper!;

        Assert.Equal([new PaperVersion(1, null)], paper.Versions);
        Assert.Equal(Utc("2024-01-05T00:00:00Z"), paper.Updated);
    }

    [Fact]
    public async Task Old_style_ids_use_the_canonical_base_id()
    {
        var path = _files.Write("old.jsonl", ["{\"id\":\"math/0309136\",\"title\":\"Old\",\"categories\":\"math.GT\"}"]);

        var paper = Assert.Single(await TestFiles.ReadAllAsync(_reader, path)).Paper!;

        Assert.Equal("math/0309136", paper.Id);
        Assert.Equal("math/0309136", paper.ArxivId);
    }

    [Fact]
    public async Task A_large_generated_file_is_read_to_the_end_as_a_stream()
    {
        const int count = 50_000;
        var template = TestFiles.Lines(TestFiles.Kaggle())[1]; // 0704.0002
        var path = Path.Combine(_files.Scratch, "large.jsonl");
        await using (var writer = new StreamWriter(path))
        {
            for (var i = 1; i <= count; i++)
            {
                var id = $"2401.{i:D5}";
                await writer.WriteLineAsync(template.Replace("\"0704.0002\"", $"\"{id}\"", StringComparison.Ordinal));
            }
        }

        var papers = 0;
        string? last = null;
        await using var stream = ImportFile.OpenRead(path);
        await foreach (var record in _reader.ReadAsync(stream, "large.jsonl", CancellationToken.None))
        {
            Assert.Null(record.Error);
            papers++;
            last = record.Paper!.Id;
        }

        Assert.Equal(count, papers);
        Assert.Equal("2401.50000", last);
    }

    [Fact]
    public async Task Reading_stops_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await using var stream = ImportFile.OpenRead(TestFiles.Kaggle());
        var read = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var record in _reader.ReadAsync(stream, "sample", cancellation.Token))
            {
                read++;
                await cancellation.CancelAsync();
            }
        });
        Assert.Equal(1, read);
    }
}
