using Paperboy.Search.Indexing;

namespace Paperboy.Search.Tests.Indexing;

public class SegmentWriterTests
{
    private static readonly string[] Words =
    [
        "graph", "Graphs", "neural", "network", "networks", "learning", "learned", "the", "of", "a", "and", "in",
        "don't", "O'Brien", "Schrödinger", "Schrodinger", "naïve", "straße", "中文", "GPT-4", "covid19", "x", "é",
        "generalization", "communities", "running", "skies", "'quoted'", "...", "-", "𝔘nicode", "ﬁne",
    ];

    internal static SearchDocument RandomDocument(Random random, int i)
    {
        string Text(int max) => string.Join(random.Next(5) == 0 ? ", " : " ", Enumerable.Range(0, random.Next(0, max)).Select(_ => Words[random.Next(Words.Length)]));
        var authors = Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(8) == 0 ? "" : Text(4)).ToArray();
        string[] categories = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(5) switch { 0 => "cs.LG", 1 => " CS.lg ", 2 => "math.CO", 3 => "", _ => "hep-th" })];
        DateOnly? date = random.Next(4) == 0 ? null : DateOnly.FromDayNumber(730_000 + random.Next(10_000));
        return new SearchDocument($"d{i}", random.Next(20) == 0 ? null! : Text(10), Text(random.Next(2) == 0 ? 40 : 400), authors,
            categories, random.Next(10) == 0 ? null : 2000 + random.Next(25), date, random.Next(3) == 0 ? 0 : random.Next(-5, 500));
    }

    /// <summary>Asserts that two segments hold the same arrays, byte for byte, and the same documents.</summary>
    internal static void AssertSameSegment(Segment expected, Segment actual)
    {
        Assert.Equal(expected.DocCount, actual.DocCount);
        foreach (var field in Fields.All)
        {
            var (e, a) = (expected[field], actual[field]);
            Assert.Equal(e.Lengths, a.Lengths);
            Assert.Equal(e.Terms.Terms, a.Terms.Terms);
            Assert.Equal(e.Terms.Bytes, a.Terms.Bytes);
            Assert.Equal(e.Terms.Starts, a.Terms.Starts);
            Assert.Equal(e.Terms.PostingsStarts, a.Terms.PostingsStarts);
            Assert.Equal(e.Terms.PositionsStarts, a.Terms.PositionsStarts);
            Assert.Equal(e.PostingsData, a.PostingsData);
            Assert.Equal(e.PositionsData, a.PositionsData);
        }
        Assert.Equal(expected.Values.Years, actual.Values.Years);
        Assert.Equal(expected.Values.Dates, actual.Values.Dates);
        Assert.Equal(expected.Values.Upvotes, actual.Values.Upvotes);
        Assert.Equal(expected.Values.Categories, actual.Values.Categories);
        Assert.Equal(expected.Values.CategoryNames, actual.Values.CategoryNames);
        for (var doc = 0; doc < expected.DocCount; doc++)
        {
            Assert.Equal(expected.Key(doc), actual.Key(doc));
            AssertSameDocument(expected.Document(doc), actual.Document(doc));
        }
    }

    internal static void AssertSameDocument(SearchDocument expected, SearchDocument actual)
    {
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Abstract, actual.Abstract);
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.Year, actual.Year);
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.Upvotes, actual.Upvotes);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 64)]
    [InlineData(4, 1_000)]
    public void Parallel_writer_writes_the_segment_of_the_reference_writer_for_any_chunk_size(int seed, int chunkSize)
    {
        var random = new Random(seed);
        var documents = Enumerable.Range(0, 300).Select(i => RandomDocument(random, i)).ToList();

        var expected = ReferenceSegmentWriter.Write(documents);
        var actual = SegmentWriter.Write(documents, chunkSize);

        AssertSameSegment(expected, actual);
        foreach (var field in Fields.All)
        {
            Assert.True(actual[field].Terms.Count > 10, $"{field} has only {actual[field].Terms.Count} terms");
        }
        for (var doc = 0; doc < documents.Count; doc++)
        {
            Assert.Equal(documents[doc].Date, actual.Values.Date(doc));
            Assert.Equal(documents[doc].Upvotes, actual.Values.Upvotes[doc]);
            Assert.Equal(documents[doc].Year ?? DocValues.NoYear, actual.Values.Years[doc]);
        }
        // Trimmed, lower-cased and blanks dropped, so " CS.lg " is cs.LG.
        Assert.Equal(["cs.lg", "hep-th", "math.co"], actual.Values.CategoryNames.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(5, 300)]
    [InlineData(6, 1)]
    public void Segment_built_as_documents_come_is_the_segment_of_the_reference_writer(int seed, int count)
    {
        var random = new Random(seed);
        var documents = Enumerable.Range(0, count).Select(i => RandomDocument(random, i)).ToList();
        var builder = new SegmentBuilder();
        foreach (var document in documents)
        {
            builder.Add(document);
        }

        var built = builder.Build();

        AssertSameSegment(ReferenceSegmentWriter.Write(documents), built);
        Assert.Equal(count, built.DocCount);
        // The stored documents are the packed records, read back whole.
        Assert.IsType<PackedDocuments>(built.StoredDocuments);
    }

    [Fact]
    public void Ascii_text_indexes_as_the_tokenizer_and_analyzer_read_it()
    {
        // All-ASCII text takes a one-pass path; these are the cases where reading words could differ.
        string[] edges =
        [
            "don't O'Brien rock'n'roll 5's x'2 'quoted' a''b it'", "The AND of an Or", "GPT-4 covid19 x86_64 e.g. U.S.A.",
            new string('a', 64) + " " + new string('b', 65) + " after", new string('c', 63) + "'s " + new string('d', 64) + "'s tail",
            "tab\tnew\nline\0nul\u007fdel", "", "   ", "'''", "A", "MiXeD CaSe WoRdS StUdIeS",
        ];
        const string alphabet = "abcdeXYZ019 '-.,\t";
        var random = new Random(11);
        var documents = new List<SearchDocument>();
        for (var i = 0; i < 600; i++)
        {
            var text = i < edges.Length ? edges[i]
                : new string([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            string[] authors = random.Next(2) == 0 ? [text] : ["Ann O'Neil", text[..Math.Min(text.Length, 20)]];
            documents.Add(new SearchDocument($"d{i}", text, random.Next(3) == 0 ? text + " " + text : text, authors, [], null));
        }

        var expected = ReferenceSegmentWriter.Write(documents);

        AssertSameSegment(expected, SegmentWriter.Write(documents, 37));
        Assert.True(expected[Field.Abstract].Terms.Count > 100, $"only {expected[Field.Abstract].Terms.Count} terms");
    }

    [Fact]
    public void Postings_that_outgrow_their_region_and_the_shared_blocks_are_kept_whole()
    {
        // "alpha" takes over 300 KB of postings, more than a quarter block, so it moves to a block of
        // its own; the distinct words fill several shared blocks. Four documents of 300,000 "beta"s
        // give "beta" more than a whole block, so its region is an array of its own.
        var random = new Random(7);
        var documents = Enumerable.Range(0, 3_000).Select(i => new SearchDocument(
            $"d{i}", $"alpha w{i} w{random.Next(50_000)}",
            string.Join(' ', Enumerable.Range(0, 120).Select(j => j % 3 == 0 ? "alpha" : $"x{random.Next(200_000)}")),
            [$"Author {random.Next(9)}"], ["cs.LG"], 2020)).ToList();
        var betas = string.Join(' ', Enumerable.Repeat("beta", 300_000));
        documents.InsertRange(1_000, Enumerable.Range(0, 4).Select(i => new SearchDocument($"b{i}", "Beta", betas, [], [], null)));
        var builder = new SegmentBuilder();
        foreach (var document in documents)
        {
            builder.Add(document);
        }

        var built = builder.Build();

        AssertSameSegment(ReferenceSegmentWriter.Write(documents), built);
        var index = new SearchIndex(built, SearchSettings.Default);
        Assert.Equal(3_000, index.Search("alpha").TotalMatches);
        Assert.Equal(["b0", "b1", "b2", "b3"], index.Search("beta").Keys().Order());
    }

    [Fact]
    public void Terms_are_in_utf8_byte_order_and_each_is_found()
    {
        var random = new Random(9);
        var segment = SegmentWriter.Write([.. Enumerable.Range(0, 200).Select(i => RandomDocument(random, i))]);

        foreach (var field in Fields.All)
        {
            var terms = segment[field].Terms;
            for (var i = 0; i < terms.Count; i++)
            {
                if (i > 0)
                {
                    Assert.True(terms.TermBytes(i - 1).SequenceCompareTo(terms.TermBytes(i)) < 0);
                }
                Assert.Equal(i, terms.Find(terms.Term(i)));
            }
            Assert.Equal(-1, terms.Find("zzz-not-a-term"));
            Assert.Equal(-1, terms.Find(""));
        }
    }

    [Fact]
    public void An_empty_segment_has_no_terms_and_no_documents()
    {
        var segment = SegmentWriter.Write([]);

        Assert.Equal(0, segment.DocCount);
        Assert.All(Fields.All, f => Assert.Equal(0, segment[f].Terms.Count));
        Assert.Null(segment[Field.Title].Find("graph"));
    }
}
