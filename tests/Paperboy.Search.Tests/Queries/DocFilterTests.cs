using Paperboy.Search.Queries;
using Paperboy.Search.Tests.Reference;

namespace Paperboy.Search.Tests.Queries;

/// <summary>A filter's bits, computed from the category lists and ranges, against the plain per-document check.</summary>
public class DocFilterTests
{
    private static readonly string[] Filters =
    [
        "cat:cs.LG", "cat:cs.CL cat:quant-ph", "-cat:cs.IR", "cat:cs.LG -cat:cs.CL", "cat:nowhere", "-cat:nowhere",
        "year:2010..2015", "year:2003 year:2020..", "-year:..2010", "date:2012-03..2014-06-15", "-date:2020",
        "cat:cs.IR year:2005..2020 -date:2010", "cat:quant-ph cat:cs.IR -year:2001..2003 date:2004..",
    ];

    [Theory]
    [InlineData(SegmentLayouts.One)]
    [InlineData(SegmentLayouts.Many)]
    [InlineData(SegmentLayouts.Deletions)]
    public void Bits_hold_exactly_the_documents_the_plain_check_passes(string layout)
    {
        // 1,000 documents: segments whose sizes are not a multiple of 64 test the last word's spare bits.
        var index = SegmentLayouts.Build(layout, Corpora.Documents(new Random(17), 1_000), SearchSettings.Default, new Random(3));
        foreach (var text in Filters)
        {
            var filters = index.Parse("graph " + text).Filters;
            foreach (var view in index.Segments.Segments)
            {
                var filter = filters.Bind(view.Segment);
                var bits = filter.ComputeBits();
                Assert.Equal((view.Segment.DocCount + 63) / 64, bits.Length);
                var passing = 0;
                for (var doc = 0; doc < bits.Length * 64; doc++)
                {
                    var inBits = (bits[doc >> 6] & (1UL << doc)) != 0;
                    var expected = doc < view.Segment.DocCount && filter.Evaluate(doc);
                    Assert.True(expected == inBits, $"{text}: document {doc} of {view.Segment.DocCount}: bit {inBits}, check {expected}");
                    passing += expected ? 1 : 0;
                }
                if (text == "cat:nowhere")
                {
                    Assert.Equal(0, passing);
                }
                if (text == "-cat:nowhere")
                {
                    Assert.Equal(view.Segment.DocCount, passing);
                }
            }
        }
    }

    [Fact]
    public void Filters_written_in_another_order_share_their_bits_in_a_segment()
    {
        var index = SegmentLayouts.Build(SegmentLayouts.One, Corpora.Documents(new Random(4), 300), SearchSettings.Default, new Random(4));
        var segment = index.Segments.Segments[0].Segment;
        var first = index.Parse("graph cat:cs.LG year:2010..2015 cat:quant-ph").Filters.Compile(segment);
        var second = index.Parse("year:2010..2015 cat:quant-ph graph cat:cs.LG").Filters.Compile(segment);
        var other = index.Parse("graph cat:cs.LG year:2010..2016").Filters.Compile(segment);

        Assert.Same(first.Bits, second.Bits);
        Assert.NotSame(first.Bits, other.Bits);
        Assert.Equal(2, segment.FilterBits.Count);
    }
}

/// <summary>A query's filters as a test on keys, for rankings made outside the index.</summary>
public class KeyFilterTests
{
    [Theory]
    [InlineData(SegmentLayouts.One)]
    [InlineData(SegmentLayouts.Many)]
    [InlineData(SegmentLayouts.Deletions)]
    public void A_key_passes_exactly_when_its_live_document_matches_the_filter_only_query(string layout)
    {
        var documents = Corpora.Documents(new Random(23), 500);
        var index = SegmentLayouts.Build(layout, documents, SearchSettings.Default, new Random(5));
        foreach (var text in (string[])["cat:cs.LG", "cat:cs.CL -year:..2010", "year:2010..2015 -cat:cs.IR", "date:2012-03..2014-06-15"])
        {
            var filter = index.KeyFilter("graph networks " + text);
            Assert.NotNull(filter);
            // The filters alone list every live document passing them: the same set, key by key.
            var expected = index.Search(text, limit: 10_000, highlight: false).Keys().ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(expected);
            Assert.All(documents, d => Assert.True(expected.Contains(d.Key) == filter(d.Key), $"{text}: {d.Key}"));
            Assert.False(filter("no-such-key"));
        }
        Assert.Null(index.KeyFilter("graph networks"));
    }
}

/// <summary>Hits for a ranking made elsewhere: in its order, highlighted for the query, unknown keys left out.</summary>
public class DescribeTests
{
    [Fact]
    public void Describes_known_keys_in_the_given_order_with_the_query_highlights()
    {
        var index = Docs.Index(
            Docs.Doc("a", "Graph neural networks", "Message passing on graphs."),
            Docs.Doc("b", "Protein folding", "Diffusion models fold proteins."));

        var hits = index.Describe([("b", 0.9f), ("gone", 0.8f), ("a", 0.1f)], "graphs diffusion");

        Assert.Equal(["b", "a"], hits.Select(h => h.Key));
        Assert.Equal(0.9f, hits[0].Score);
        Assert.Equal("Diffusion", Assert.Single(hits[0].Abstract.Parts, p => p.IsMatch).Text);
        Assert.Contains(hits[1].Abstract.Parts, p => p.IsMatch && p.Text == "graphs");
        Assert.Contains(hits[1].Title.Parts, p => p.IsMatch && p.Text == "Graph");
        Assert.False(hits[0].Title.HasMatch);
    }
}
