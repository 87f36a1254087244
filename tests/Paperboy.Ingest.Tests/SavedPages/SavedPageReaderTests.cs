using Paperboy.Core.Ids;
using Paperboy.Ingest.SavedPages;

namespace Paperboy.Ingest.Tests.SavedPages;

public sealed class SavedPageReaderTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly SavedPageReader _reader = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("000_892b15f28ca5c8ed.txt", 26)]
    [InlineData("002_72daaec25fc5a6c3.txt", 227)]
    [InlineData("003_3904dbe7b03b7fcd.txt", 80)]
    [InlineData("004_1af3005760444885.txt", 84)]
    public async Task Each_seed_page_yields_its_papers_without_errors(string seed, int expected)
    {
        var records = await TestFiles.ReadAllAsync(_reader, TestFiles.Seed(seed));

        Assert.Empty(records.Where(r => r.Error is not null).Select(r => r.Error!.ToString()));
        Assert.Equal(expected, records.Count);
        Assert.All(records, r => Assert.Null(r.Paper!.ArxivId));
    }

    [Fact]
    public async Task The_four_seed_pages_hold_403_distinct_papers()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        foreach (var seed in TestFiles.Seeds)
        {
            foreach (var record in await TestFiles.ReadAllAsync(_reader, TestFiles.Seed(seed)))
            {
                ids.Add(record.Paper!.Id);
                total++;
            }
        }

        Assert.Equal(417, total);
        Assert.Equal(403, ids.Count);
    }

    [Fact]
    public async Task A_record_becomes_a_title_keyed_paper_with_cleaned_and_raw_text()
    {
        var records = await TestFiles.ReadAllAsync(_reader, TestFiles.Seed("000_892b15f28ca5c8ed.txt"));
        var first = records[0].Paper!;

        Assert.Equal("FlowSep: Language-Queried Sound Separation with Rectified Flow Matching", first.Title);
        Assert.Equal(first.Title, first.TitleRaw);
        Assert.Equal(TitleKey.IdFor(first.Title), first.Id);
        Assert.StartsWith("Language-queried audio source separation (LASS) focuses on separating sounds", first.Abstract, StringComparison.Ordinal);
        Assert.Equal(ImportSources.SavedPage, first.FieldSources["title"]);
        Assert.Equal(ImportSources.SavedPage, first.FieldSources["abstract"]);
        // Its only link is a github.io project page, which is not a repository.
        Assert.Empty(first.CodeLinks);
    }

    [Fact]
    public async Task Tex_residue_in_abstracts_is_cleaned_but_kept_raw()
    {
        var records = await TestFiles.ReadAllAsync(_reader, TestFiles.Seed("000_892b15f28ca5c8ed.txt"));
        var paper = records.Select(r => r.Paper!).First(p => p.AbstractRaw.Contains("Schr\\\"odinger", StringComparison.Ordinal));

        Assert.Contains("Schrödinger Bridges", paper.Abstract, StringComparison.Ordinal);
        Assert.DoesNotContain("\\\"", paper.Abstract, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_links_come_from_the_abstract()
    {
        var records = await TestFiles.ReadAllAsync(_reader, TestFiles.Seed("000_892b15f28ca5c8ed.txt"));
        var limo = records.Select(r => r.Paper!).Single(p => p.Title.StartsWith("LIMO", StringComparison.Ordinal));

        Assert.Equal(["https://github.com/GAIR-NLP/LIMO"], limo.CodeLinks);
        Assert.Equal(ImportSources.SavedPage, limo.FieldSources["codeLinks"]);
    }

    [Fact]
    public async Task A_title_glued_to_the_subscribe_button_is_separated()
    {
        var records = await TestFiles.ReadAllAsync(_reader, TestFiles.Seed("002_72daaec25fc5a6c3.txt"));

        Assert.Equal("BUSTLE: Bottom-Up Program Synthesis Through Learning-Guided Exploration", records[0].Paper!.Title);
        Assert.Equal("BUSTLE: Bottom-Up Program Synthesis Through Learning-Guided Exploration", records[0].Paper!.TitleRaw);
    }

    [Fact]
    public async Task A_missing_abstract_line_costs_one_error_at_its_title_and_no_other_paper()
    {
        var lines = TestFiles.Lines(TestFiles.Seed("000_892b15f28ca5c8ed.txt"));
        Assert.StartsWith("Scaling Rectified Flow", lines[14], StringComparison.Ordinal); // line 15
        lines.RemoveAt(16); // its abstract, line 17
        var path = _files.Write("missing-abstract.txt", lines);

        var records = await TestFiles.ReadAllAsync(_reader, path);

        var error = Assert.Single(records, r => r.Error is not null).Error!;
        Assert.Equal(new ImportError("missing-abstract.txt", 15, error.Message), error);
        Assert.Contains("Scaling Rectified Flow", error.Message, StringComparison.Ordinal);
        Assert.Equal(25, records.Count(r => r.Paper is not null));
        Assert.Contains(records, r => r.Paper?.Title == "Direct Nash Optimization: Teaching Language Models to Self-Improve with General Preferences");
    }

    [Fact]
    public async Task A_missing_title_line_costs_one_error_at_the_orphan_abstract()
    {
        var lines = TestFiles.Lines(TestFiles.Seed("002_72daaec25fc5a6c3.txt"));
        Assert.StartsWith("Rich Feature Construction", lines[4], StringComparison.Ordinal);
        lines.RemoveAt(4); // the abstract that was line 6 is now line 5
        var path = _files.Write("missing-title.txt", lines);

        var records = await TestFiles.ReadAllAsync(_reader, path);

        var error = Assert.Single(records, r => r.Error is not null).Error!;
        Assert.Equal(5, error.Line);
        Assert.Equal(226, records.Count(r => r.Paper is not null));
    }

    [Theory]
    [InlineData(20)] // between the title on line 19 and its abstract
    [InlineData(22)] // between two records
    [InlineData(10)] // before the first title
    public async Task An_inserted_garbage_line_costs_one_error_naming_it_and_no_paper(int index)
    {
        var lines = TestFiles.Lines(TestFiles.Seed("003_3904dbe7b03b7fcd.txt"));
        lines.Insert(index, "\0\0\u0001garbage\uFFFD");
        var path = _files.Write("garbage.txt", lines);

        var records = await TestFiles.ReadAllAsync(_reader, path);

        var error = Assert.Single(records, r => r.Error is not null).Error!;
        Assert.Equal(index + 1, error.Line);
        Assert.Equal("garbage.txt", error.File);
        Assert.Equal(80, records.Count(r => r.Paper is not null));
    }

    [Fact]
    public async Task A_corrupt_abstract_costs_only_its_own_record()
    {
        var lines = TestFiles.Lines(TestFiles.Seed("004_1af3005760444885.txt"));
        lines[12] = lines[12].Insert(40, "\uFFFD\uFFFD"); // the first abstract, line 13
        var path = _files.Write("bad-utf8.txt", lines);

        var records = await TestFiles.ReadAllAsync(_reader, path);

        var error = Assert.Single(records, r => r.Error is not null).Error!;
        Assert.Equal(13, error.Line);
        Assert.Contains("U+FFFD", error.Message, StringComparison.Ordinal);
        Assert.Equal(83, records.Count(r => r.Paper is not null));
        Assert.DoesNotContain(records, r => r.Paper?.Title == "Personalized Preference Fine-tuning of Diffusion Models");
    }

    [Fact]
    public async Task A_corrupt_title_takes_its_abstract_with_it_in_one_error()
    {
        var lines = TestFiles.Lines(TestFiles.Seed("004_1af3005760444885.txt"));
        lines[10] = "Personalized\0Preference"; // the first title, line 11
        var path = _files.Write("bad-title.txt", lines);

        var records = await TestFiles.ReadAllAsync(_reader, path);

        var error = Assert.Single(records, r => r.Error is not null).Error!;
        Assert.Equal(11, error.Line);
        Assert.Contains("NUL", error.Message, StringComparison.Ordinal);
        Assert.Equal(83, records.Count(r => r.Paper is not null));
    }

    [Fact]
    public async Task A_title_at_the_end_of_the_file_without_abstract_is_an_error()
    {
        var lines = TestFiles.Lines(TestFiles.Seed("000_892b15f28ca5c8ed.txt"));
        lines.Add("A Dangling Title With No Abstract");
        var path = _files.Write("dangling.txt", lines);

        var records = await TestFiles.ReadAllAsync(_reader, path);

        var error = records[^1].Error!;
        Assert.Equal(lines.Count, error.Line);
        Assert.Contains("end of the file", error.Message, StringComparison.Ordinal);
        Assert.Equal(26, records.Count(r => r.Paper is not null));
    }

    [Fact]
    public async Task Crlf_line_ends_and_indented_lines_read_the_same()
    {
        var lines = TestFiles.Lines(TestFiles.Seed("000_892b15f28ca5c8ed.txt")).Select(l => "   " + l + "\t");
        var path = _files.WriteText("crlf.txt", string.Join("\r\n", lines));

        var expected = await TestFiles.ReadAllAsync(_reader, TestFiles.Seed("000_892b15f28ca5c8ed.txt"));
        var actual = await TestFiles.ReadAllAsync(_reader, path);

        Assert.Equal(expected.Select(r => r.Paper!.Id), actual.Select(r => r.Paper!.Id));
        Assert.Equal(expected.Select(r => r.Paper!.Abstract), actual.Select(r => r.Paper!.Abstract));
    }

    [Fact]
    public async Task A_gzip_copy_reads_the_same()
    {
        var path = _files.Gzip(TestFiles.Seed("003_3904dbe7b03b7fcd.txt"), "seed.gz");

        var records = await TestFiles.ReadAllAsync(_reader, path);

        Assert.Equal(80, records.Count(r => r.Paper is not null));
    }
}
