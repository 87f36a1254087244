using Paperboy.Search.Indexing;
using Paperboy.Search.Storage;

namespace Paperboy.Search.Tests.Indexing;

public sealed class SegmentMergerTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly List<Segment> _opened = [];

    public void Dispose()
    {
        _opened.ForEach(s => s.Dispose());
        _directory.Dispose();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Merging_gives_the_segment_the_writer_builds_from_the_live_documents_in_order(int seed)
    {
        var random = new Random(seed);
        var (sources, live) = RandomSources(random, random.Next(1, 6));

        var merged = SegmentMerger.Merge(sources);

        var expected = SegmentWriter.Write(live);
        SegmentWriterTests.AssertSameSegment(expected, merged);
        Corpora.AssertSameResults(new SearchIndex(expected, SearchSettings.Default), new SearchIndex(merged, SearchSettings.Default), Corpora.Queries(random, 80));
    }

    [Fact]
    public void A_source_whose_documents_are_all_deleted_adds_nothing_between_the_others()
    {
        var random = new Random(23);
        var first = Corpora.Documents(random, 150, "a");
        var middle = Corpora.Documents(random, 150, "b");
        var last = Corpora.Documents(random, 150, "c");
        var allDeleted = new LiveDocs(middle.Count).WithDeleted(Enumerable.Range(0, middle.Count));
        var someDeleted = new LiveDocs(last.Count).WithDeleted([0, 127, 128, 149]);

        var merged = SegmentMerger.Merge([(SegmentWriter.Write(first), null), (SegmentWriter.Write(middle), allDeleted), (SegmentWriter.Write(last), someDeleted)]);

        var expected = SegmentWriter.Write([.. first, .. last.Where((_, doc) => someDeleted.IsLive(doc))]);
        SegmentWriterTests.AssertSameSegment(expected, merged);
        Assert.Equal("c0001", merged.Key(150));
    }

    [Fact]
    public void A_merged_segment_writes_and_opens_like_any_other()
    {
        var random = new Random(20);
        var (sources, live) = RandomSources(random, 3);

        SegmentFiles.Write(SegmentMerger.Merge(sources), _directory.Path, "_m");
        using var opened = SegmentFiles.Open(_directory.Path, "_m");

        SegmentWriterTests.AssertSameSegment(SegmentWriter.Write(live), opened);
    }

    [Fact]
    public void Merging_nothing_or_only_deleted_documents_gives_an_empty_segment()
    {
        var segment = SegmentWriter.Write(Corpora.Documents(new Random(21), 5));
        var allDeleted = new LiveDocs(5).WithDeleted([0, 1, 2, 3, 4]);

        var fromNothing = SegmentMerger.Merge([]);
        var fromDeleted = SegmentMerger.Merge([(segment, allDeleted)]);

        foreach (var merged in new[] { fromNothing, fromDeleted })
        {
            Assert.Equal(0, merged.DocCount);
            Assert.All(Fields.All, f => Assert.Equal(0, merged[f].Terms.Count));
            Assert.Empty(merged.Values.CategoryNames);
        }
    }

    [Fact]
    public void A_merge_reads_stored_documents_from_its_sources_instead_of_copying_them()
    {
        // Long abstracts of three words and much punctuation: the records are large, the postings small.
        var abstractText = "spectral graph wavelets " + string.Join(' ', Enumerable.Repeat("--", 15000));
        var sources = new List<(Segment, LiveDocs?)>();
        for (var s = 0; s < 3; s++)
        {
            var documents = Enumerable.Range(0, 40)
                .Select(i => new SearchDocument($"p{s}-{i}", $"Paper {s} {i}", abstractText, ["A. Author"], ["cs.LG"], 2024))
                .ToList();
            var name = $"_{s}";
            SegmentFiles.Write(SegmentWriter.Write(documents), _directory.Path, name);
            var opened = SegmentFiles.Open(_directory.Path, name);
            _opened.Add(opened);
            sources.Add((opened, null));
        }
        var recordBytes = new DirectoryInfo(_directory.Path).GetFiles("*.pbd").Sum(f => f.Length);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var merged = SegmentMerger.Merge(sources);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < recordBytes / 4, $"the merge allocated {allocated} bytes for {recordBytes} bytes of records");
        Assert.Equal(abstractText, merged.Document(119).Abstract);
        Assert.Equal("p2-39", merged.Document(119).Key);
        SegmentFiles.Write(merged, _directory.Path, "_m");
        using var reopened = SegmentFiles.Open(_directory.Path, "_m");
        Assert.Equal("Paper 1 7", reopened.Document(47).Title);
    }

    [Fact]
    public void Live_docs_of_another_size_than_their_segment_are_refused()
    {
        var segment = SegmentWriter.Write(Corpora.Documents(new Random(22), 5));

        Assert.Throws<ArgumentException>(() => SegmentMerger.Merge([(segment, new LiveDocs(6))]));
    }

    // 1..5 sources of random size, some built in memory and some opened from disk, each with random
    // deletions (none, a few, most, or all); and the live documents in merge order.
    private (List<(Segment, LiveDocs?)> Sources, List<SearchDocument> Live) RandomSources(Random random, int count)
    {
        var sources = new List<(Segment, LiveDocs?)>();
        var live = new List<SearchDocument>();
        for (var s = 0; s < count; s++)
        {
            var documents = random.Next(3) == 0
                ? [.. Enumerable.Range(0, random.Next(0, 200)).Select(i => SegmentWriterTests.RandomDocument(random, (s * 1000) + i))]
                : Corpora.Documents(random, random.Next(0, 300), $"s{s}-");
            var segment = SegmentWriter.Write(documents, chunkSize: random.Next(1, 100));
            if (random.Next(2) == 0)
            {
                SegmentFiles.Write(segment, _directory.Path, $"_{s}");
                segment = SegmentFiles.Open(_directory.Path, $"_{s}");
                _opened.Add(segment);
            }
            var deletedShare = random.Next(5) switch { 0 => 0.0, 1 => 0.1, 2 => 0.5, 3 => 0.95, _ => 1.0 };
            var deleted = Enumerable.Range(0, documents.Count).Where(_ => random.NextDouble() < deletedShare).ToHashSet();
            LiveDocs? liveDocs = deletedShare == 0 && random.Next(2) == 0 ? null : new LiveDocs(documents.Count).WithDeleted(deleted);
            sources.Add((segment, liveDocs));
            live.AddRange(documents.Where((_, doc) => !deleted.Contains(doc)));
        }
        return (sources, live);
    }
}
