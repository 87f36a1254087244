using Paperboy.Search.Indexing;

namespace Paperboy.Search.Tests.Indexing;

public class SegmentWriterTests
{
    private static readonly string[] Words =
    [
        "graph", "Graphs", "neural", "network", "networks", "learning", "learned", "the", "of", "a", "and", "in",
        "don't", "O'Brien", "Schrödinger", "Schrodinger", "naïve", "straße", "中文", "GPT-4", "covid19", "x", "é",
        "generalization", "communities", "running", "skies", "'quoted'", "...", "-",
    ];

    private static SearchDocument RandomDocument(Random random, int i)
    {
        string Text(int max) => string.Join(random.Next(5) == 0 ? ", " : " ", Enumerable.Range(0, random.Next(0, max)).Select(_ => Words[random.Next(Words.Length)]));
        var authors = Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(8) == 0 ? "" : Text(4)).ToArray();
        return new SearchDocument($"d{i}", random.Next(20) == 0 ? null! : Text(10), Text(random.Next(2) == 0 ? 40 : 400), authors, ["cs.LG"], 2020);
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

        foreach (var field in Fields.All)
        {
            Assert.Equal(expected[field].Lengths, actual[field].Lengths);
            var terms = expected[field].Terms.Terms.Order(StringComparer.Ordinal).ToList();
            Assert.Equal(terms, actual[field].Terms.Terms.Order(StringComparer.Ordinal));
            Assert.True(terms.Count > 10, $"{field} has only {terms.Count} terms");
            foreach (var term in terms)
            {
                var e = expected[field].Terms.Get(term)!;
                var a = actual[field].Terms.Get(term)!;
                Assert.Equal(e.Docs, a.Docs);
                Assert.Equal(e.Starts, a.Starts);
                Assert.Equal(e.Data, a.Data);
            }
        }
        Assert.Equal(expected.Values.Years, actual.Values.Years);
        Assert.Equal(expected.Values.Categories, actual.Values.Categories);
    }
}
