using Paperboy.Search.Collectors;

namespace Paperboy.Search.Tests.Collectors;

public class TopKCollectorTests
{
    [Fact]
    public void Heap_keeps_the_same_top_k_as_sorting_everything()
    {
        var random = new Random(5);
        for (var round = 0; round < 200; round++)
        {
            var scores = Enumerable.Range(0, random.Next(0, 300)).Select(_ => (double)random.Next(0, 20)).ToArray();
            var k = random.Next(0, 40);
            var collector = new TopKCollector(k, TopKCollector.ByScore);
            for (var doc = 0; doc < scores.Length; doc++)
            {
                collector.Collect(doc, scores[doc]);
            }
            var expected = scores.Select((s, doc) => new ScoredDoc(doc, s))
                .OrderByDescending(d => d.Score).ThenBy(d => d.Doc).Take(k).ToArray();
            Assert.Equal(expected, collector.Results());
            Assert.Equal(scores.Length, collector.TotalMatches);
        }
    }

    [Fact]
    public void Count_collector_counts_every_match()
    {
        var collector = new CountCollector();
        for (var doc = 0; doc < 7; doc++)
        {
            collector.Collect(doc, 1);
        }
        Assert.Equal(7, collector.Count);
    }
}
