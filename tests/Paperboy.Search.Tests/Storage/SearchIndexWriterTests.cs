using Paperboy.Search.Storage;
using static Paperboy.Search.Tests.Docs;

namespace Paperboy.Search.Tests.Storage;

public sealed class SearchIndexWriterTests : IDisposable
{
    private static readonly IndexWriterOptions Manual = new() { BackgroundMerges = false };
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"paperboy-index-{Guid.NewGuid():N}");

    [Fact]
    public void Documents_become_visible_at_commit_and_a_reopened_index_finds_them()
    {
        using (var writer = SearchIndexWriter.Open(_directory, options: Manual))
        {
            writer.Add(Doc("a", "Sparse retrieval", "learned sparse vectors"));
            writer.Add(Doc("b", "Dense retrieval", "dual encoders"));
            Assert.Equal(0, writer.Snapshot.DocumentCount);
            Assert.Equal(0, SearchIndex.Open(_directory).DocumentCount);

            var committed = writer.Commit(new Dictionary<string, string> { ["store"] = "7" });

            Assert.Equal(2, committed.DocumentCount);
            Assert.Equal(["a"], committed.Search("sparse").Keys());
        }
        var reopened = SearchIndex.Open(_directory);
        Assert.Equal(2, reopened.DocumentCount);
        Assert.Equal("7", reopened.CommitData["store"]);
        Assert.Equal(["b", "a"], reopened.Search("retrieval dual").Keys());
    }

    [Fact]
    public void Adding_a_key_again_replaces_the_document_and_statistics_forget_the_old_one()
    {
        using var writer = SearchIndexWriter.Open(_directory, options: Manual);
        writer.Add(Doc("a", "Graph networks"));
        writer.Add(Doc("b", "Graph kernels"));
        writer.Commit();
        writer.Add(Doc("a", "Tree ensembles"));
        var index = writer.Commit();

        Assert.Equal(2, index.SegmentCount);
        Assert.Equal(2, index.DocumentCount);
        Assert.Equal(["b"], index.Search("graph").Keys());
        Assert.Equal(["a"], index.Search("tree").Keys());
        // Scores as if the replaced document had never been indexed.
        var fresh = Index(Doc("b", "Graph kernels"), Doc("a", "Tree ensembles"));
        Assert.Equal(fresh.Search("graph").Hits[0].Score, index.Search("graph").Hits[0].Score, 6);
    }

    [Fact]
    public void A_key_added_again_or_deleted_before_its_segment_is_written_leaves_only_the_live_documents()
    {
        using (var writer = SearchIndexWriter.Open(_directory, options: Manual))
        {
            // The buffer analyzes documents as they come, so the first "a" and "c" are in the new
            // segment too, deleted there.
            writer.Add(Doc("a", "Graph networks"));
            writer.Add(Doc("b", "Graph kernels"));
            writer.Add(Doc("c", "Graph sampling"));
            writer.Add(Doc("a", "Tree ensembles"));
            writer.Delete("c");
            var index = writer.Commit();

            Assert.Equal(1, index.SegmentCount);
            Assert.Equal(2, index.DocumentCount);
            Assert.Equal(["b"], index.Search("graph").Keys());
            Assert.Equal(["a"], index.Search("tree").Keys());
            Assert.Equal(2, index.Search("graph OR tree").TotalMatches);
            var fresh = Index(Doc("b", "Graph kernels"), Doc("a", "Tree ensembles"));
            Assert.Equal(fresh.Search("graph").Hits[0].Score, index.Search("graph").Hits[0].Score, 6);
            Assert.Equal(fresh.Search("tree").Hits[0].Score, index.Search("tree").Hits[0].Score, 6);
        }
        // The deletions were committed with the segment.
        var reopened = SearchIndex.Open(_directory);
        Assert.Equal(2, reopened.DocumentCount);
        Assert.Equal(["b"], reopened.Search("graph").Keys());
        Assert.Equal("Tree ensembles", reopened.Describe([("a", 1f)], "tree").Single().Title.Text);
    }

    [Fact]
    public void A_buffer_whose_documents_are_all_deleted_writes_no_segment()
    {
        using var writer = SearchIndexWriter.Open(_directory, options: Manual);
        writer.Add(Doc("a", "Graph networks"));
        writer.Commit();
        writer.Add(Doc("b", "Graph kernels"));
        writer.Delete("b");
        var index = writer.Commit();

        Assert.Equal(1, index.SegmentCount);
        Assert.Equal(["a"], index.Search("graph").Keys());
    }

    [Fact]
    public void Deletes_and_delete_all_take_effect_at_commit_and_uncommitted_work_is_lost_on_close()
    {
        using (var writer = SearchIndexWriter.Open(_directory, options: Manual))
        {
            writer.Add(Doc("a", "Graph networks"));
            writer.Add(Doc("b", "Graph kernels"));
            writer.Commit();
            writer.Delete("a");
            Assert.Equal(2, writer.Snapshot.DocumentCount);
            Assert.Equal(["b"], writer.Commit().Search("graph").Keys());
            writer.Add(Doc("c", "Graph sampling"));
        }
        using (var writer = SearchIndexWriter.Open(_directory, options: Manual))
        {
            Assert.Equal(["b"], writer.Snapshot.Search("graph").Keys());
            writer.DeleteAll();
            writer.Add(Doc("d", "Tree search"));
            var index = writer.Commit();
            Assert.Equal(1, index.DocumentCount);
            Assert.Equal(["d"], index.Search("tree").Keys());
            Assert.Empty(index.Search("graph").Hits);
        }
    }

    [Fact]
    public void A_second_writer_is_refused_while_the_first_holds_the_directory()
    {
        using var writer = SearchIndexWriter.Open(_directory);
        var refused = Assert.Throws<IndexLockedException>(() => SearchIndexWriter.Open(_directory));
        Assert.Contains("another process", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merges_a_closed_writer_left_undone_start_when_the_next_writer_opens()
    {
        var policy = new IndexWriterOptions { MergeFactor = 2, SmallestLevelDocs = 1 };
        using (var writer = SearchIndexWriter.Open(_directory, options: policy with { BackgroundMerges = false }))
        {
            for (var i = 0; i < 4; i++)
            {
                writer.Add(Doc($"n{i}", "Graph sampling"));
                writer.Commit();
            }
        }
        Assert.Equal(4, SearchIndex.Open(_directory).SegmentCount);

        using (var writer = SearchIndexWriter.Open(_directory, options: policy))
        {
            writer.WaitForMerges();
            Assert.Null(writer.MergeError);
            Assert.Equal(1, writer.Snapshot.SegmentCount);
            Assert.Equal(4, writer.Snapshot.DocumentCount);
        }
        Assert.Equal(1, SearchIndex.Open(_directory).SegmentCount);
    }

    [Fact]
    public void Segments_flushed_during_a_long_build_merge_before_it_commits()
    {
        using var writer = SearchIndexWriter.Open(_directory, options: new IndexWriterOptions { MaxBufferedDocs = 10, MergeFactor = 2, SmallestLevelDocs = 1 });
        for (var i = 0; i < 80; i++)
        {
            writer.Add(Doc($"n{i}", i % 2 == 0 ? "Graph sampling" : "Tree search"));
        }
        writer.Delete("n0");
        writer.WaitForMerges();
        Assert.Equal(0, writer.Snapshot.DocumentCount); // nothing committed yet

        var index = writer.Commit();

        Assert.Null(writer.MergeError);
        Assert.True(index.SegmentCount < 8, $"{index.SegmentCount} segments from 8 flushes");
        Assert.Equal(79, index.DocumentCount);
        Assert.Equal(39, index.Search("graph").TotalMatches);
        Assert.Equal(40, index.Search("tree").TotalMatches);
        Assert.Equal(79, SearchIndex.Open(_directory).DocumentCount);
    }

    [Fact]
    public void Closing_the_writer_during_a_merge_gives_the_merge_up_without_an_error()
    {
        var random = new Random(3);
        var writer = SearchIndexWriter.Open(_directory, options: new IndexWriterOptions { MergeFactor = 2, SmallestLevelDocs = 1 });
        for (var segment = 0; segment < 2; segment++)
        {
            foreach (var document in Corpora.Documents(random, 3_000, keyPrefix: $"s{segment}-"))
            {
                writer.Add(document);
            }
            writer.Commit(); // the second commit starts a merge of the two segments in the background
        }

        writer.Dispose();

        Assert.Null(writer.MergeError);
        var reopened = SearchIndex.Open(_directory);
        Assert.Equal(6_000, reopened.DocumentCount);
        Assert.InRange(reopened.SegmentCount, 1, 2);
    }

    [Fact]
    public void A_snapshot_keeps_answering_from_its_own_commit_while_the_writer_commits_and_merges()
    {
        using var writer = SearchIndexWriter.Open(_directory, options: Manual with { MergeFactor = 2, SmallestLevelDocs = 1 });
        writer.Add(Doc("a", "Graph networks"));
        var before = writer.Commit();
        for (var i = 0; i < 6; i++)
        {
            writer.Add(Doc($"n{i}", "Graph sampling"));
            writer.Delete("a");
            writer.Commit();
        }
        writer.MergeNow();

        Assert.Equal(["a"], before.Search("networks").Keys());
        Assert.Equal(1, before.DocumentCount);
        Assert.Equal(6, writer.Snapshot.DocumentCount);
        Assert.True(writer.Snapshot.SegmentCount < 6, $"{writer.Snapshot.SegmentCount} segments after merging");
    }

    [Fact]
    public void Files_no_commit_names_are_removed_when_a_writer_opens()
    {
        using (var writer = SearchIndexWriter.Open(_directory, options: Manual))
        {
            writer.Add(Doc("a", "Graph networks"));
            writer.Commit();
        }
        File.WriteAllText(Path.Combine(_directory, "s99.pbi"), "left by a crash");
        File.WriteAllText(Path.Combine(_directory, "index.meta.tmp"), "left by a crash");

        using (SearchIndexWriter.Open(_directory, options: Manual))
        {
            Assert.False(File.Exists(Path.Combine(_directory, "s99.pbi")));
            Assert.False(File.Exists(Path.Combine(_directory, "index.meta.tmp")));
        }
        Assert.Equal(["a"], SearchIndex.Open(_directory).Search("graph").Keys());
    }

    [Fact]
    public void A_damaged_file_is_reported_by_name_and_a_writer_may_discard_it_to_rebuild()
    {
        using (var writer = SearchIndexWriter.Open(_directory, options: Manual))
        {
            writer.Add(Doc("a", "Graph networks", "message passing on graphs"));
            writer.Commit();
        }
        var segmentFile = Directory.GetFiles(_directory, "*.pbi").Single();
        var bytes = File.ReadAllBytes(segmentFile);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(segmentFile, bytes);

        var error = Assert.Throws<CorruptIndexException>(() => SearchIndex.Open(_directory));
        Assert.Contains(Path.GetFileName(segmentFile), error.Message, StringComparison.Ordinal);
        Assert.Throws<CorruptIndexException>(() => SearchIndexWriter.Open(_directory).Dispose());

        using var rebuilt = SearchIndexWriter.Open(_directory, options: Manual, discardDamaged: true);
        Assert.True(rebuilt.DamagedIndexDiscarded);
        Assert.Equal(0, rebuilt.Snapshot.DocumentCount);
        rebuilt.Add(Doc("a", "Graph networks"));
        Assert.Equal(["a"], rebuilt.Commit().Search("graph").Keys());
    }

    [Fact]
    public void A_truncated_meta_file_is_corruption_not_an_empty_index()
    {
        using (var writer = SearchIndexWriter.Open(_directory, options: Manual))
        {
            writer.Add(Doc("a", "Graph networks"));
            writer.Commit();
        }
        var meta = Path.Combine(_directory, "index.meta");
        File.WriteAllBytes(meta, File.ReadAllBytes(meta)[..^3]);

        var error = Assert.Throws<CorruptIndexException>(() => SearchIndex.Open(_directory));
        Assert.Contains("index.meta", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
