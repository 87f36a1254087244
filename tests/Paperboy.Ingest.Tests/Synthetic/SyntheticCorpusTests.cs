using System.Globalization;
using System.Text.RegularExpressions;
using Paperboy.Ingest.Kaggle;
using Paperboy.Ingest.Synthetic;

namespace Paperboy.Ingest.Tests.Synthetic;

public sealed partial class SyntheticCorpusTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static string Generate(int papers, int seed)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        SyntheticCorpus.Write(writer, papers, seed);
        return writer.ToString();
    }

    [Fact]
    public void Same_seed_gives_byte_identical_output()
    {
        var first = _files.WriteText("a.jsonl", Generate(500, 42));
        var second = Path.Combine(_files.Scratch, "b.jsonl");
        SyntheticCorpus.WriteFile(second, 500, 42);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Different_seeds_give_different_papers()
    {
        Assert.NotEqual(Generate(50, 1), Generate(50, 2));
    }

    [Fact]
    public async Task Kaggle_reader_reads_every_paper_without_errors()
    {
        var path = Path.Combine(_files.Scratch, "synthetic.jsonl");
        SyntheticCorpus.WriteFile(path, 2000, 7);

        Assert.Equal(ImportFormat.KaggleSnapshot, FormatDetector.Detect(path));
        var records = await TestFiles.ReadAllAsync(new KaggleSnapshotReader(), path);

        Assert.Empty(records.Where(r => r.Error is not null).Select(r => r.Error!.ToString()));
        Assert.Equal(2000, records.Count);
        var papers = records.Select(r => r.Paper!).ToList();
        Assert.Equal(2000, papers.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(papers.Select(p => p.Id).Order(StringComparer.Ordinal), papers.Select(p => p.Id));
        Assert.All(papers, p => Assert.Matches(NewStyleId(), p.Id));
        Assert.All(papers, p => Assert.InRange(p.Authors.Count, 1, 8));
        Assert.All(papers, p => Assert.InRange(p.Categories.Count, 1, 3));
        Assert.All(papers, p => Assert.InRange(p.Title.Split(' ').Length, 8, 14));
        Assert.All(papers, p => Assert.InRange(p.Abstract.Split(' ').Length, 150, 210));
        Assert.All(papers, p => Assert.NotNull(p.Published));
        Assert.All(papers, p => Assert.InRange(p.Published!.Value.Year, SyntheticCorpus.FirstYear, SyntheticCorpus.LastYear));
        Assert.Equal(SyntheticCorpus.FirstYear, papers[0].Published!.Value.Year);
        Assert.Equal(SyntheticCorpus.LastYear, papers[^1].Published!.Value.Year);
        Assert.Contains(papers, p => p.Versions.Count > 1);
        Assert.DoesNotContain(papers, p => p.Withdrawn);
    }

    [Fact]
    public void A_paper_is_about_one_kilobyte_of_text()
    {
        var lines = Generate(1000, 3).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var averageBytes = lines.Average(l => l.Length);

        Assert.Equal(1000, lines.Length);
        Assert.InRange(averageBytes, 1200, 2400); // text about 1 KB, plus JSON keys, versions and authors_parsed
    }

    [Fact]
    public void Word_frequencies_fall_off_like_Zipf()
    {
        var counts = Generate(1000, 5).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("abstract").GetString()!)
            .SelectMany(a => Words().Matches(a.ToLowerInvariant()).Select(m => m.Value))
            .CountBy(w => w)
            .OrderByDescending(p => p.Value)
            .ToList();

        // The most frequent word is "the", far ahead of the tenth, and many words are rare.
        Assert.Equal("the", counts[0].Key);
        Assert.True(counts[0].Value > 3 * counts[9].Value, $"top {counts[0].Value}, tenth {counts[9].Value}");
        Assert.True(counts.Count > 10_000, $"{counts.Count} distinct words");
        Assert.True(counts.Count(c => c.Value <= 2) > counts.Count / 5, "a long tail of rare words");
    }

    [Fact]
    public void Queries_are_deterministic_and_cover_every_kind()
    {
        var first = SyntheticQueries.Create(9, 20);
        var second = SyntheticQueries.Create(9, 20);

        Assert.Equal(first.Select(q => q.Text), second.Select(q => q.Text));
        Assert.Equal(20 * Enum.GetValues<SyntheticQueryKind>().Length, first.Count);
        Assert.All(Enum.GetValues<SyntheticQueryKind>(), kind => Assert.Equal(20, first.Count(q => q.Kind == kind)));
        Assert.Matches(@"^\w+ AND \w+$", first.First(q => q.Kind == SyntheticQueryKind.TwoTermAnd).Text);
        Assert.Matches("^\"\\w+( \\w+)+\"$", first.First(q => q.Kind == SyntheticQueryKind.Phrase).Text);
        Assert.Matches(@"^cat:[\w.-]+ \w+$", first.First(q => q.Kind == SyntheticQueryKind.CategoryFilter).Text);
        Assert.Matches(@"^\w+ year:20\d\d\.\.20\d\d$", first.First(q => q.Kind == SyntheticQueryKind.YearFilter).Text);
        Assert.All(first.Where(q => q.Kind == SyntheticQueryKind.CategoryFilterOr), q => Assert.Matches(@"^cat:[\w.-]+ \w+ \w+( \w+)?$", q.Text));
        Assert.Contains(first, q => q.Kind == SyntheticQueryKind.CategoryFilterOr && q.Terms.Count == 2);
        Assert.Contains(first, q => q.Kind == SyntheticQueryKind.CategoryFilterOr && q.Terms.Count == 3);
    }

    [Fact]
    public void Phrase_queries_occur_in_the_corpus_of_the_same_seed()
    {
        var corpus = Generate(2000, 11).ToLowerInvariant();
        var phrases = SyntheticQueries.Create(11, 30).Where(q => q.Kind == SyntheticQueryKind.Phrase).ToList();

        var found = phrases.Count(q => corpus.Contains(string.Join(' ', q.Terms), StringComparison.Ordinal));

        Assert.True(found >= phrases.Count * 2 / 3, $"{found} of {phrases.Count} phrases found");
    }

    [GeneratedRegex(@"^\d{4}\.\d{5}$")]
    private static partial Regex NewStyleId();

    [GeneratedRegex(@"[a-z]+")]
    private static partial Regex Words();
}
