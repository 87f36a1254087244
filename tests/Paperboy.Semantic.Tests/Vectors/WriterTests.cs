using Paperboy.Semantic.Embedding;
using Paperboy.Semantic.Vectors;

namespace Paperboy.Semantic.Tests.Vectors;

public sealed class WriterTests
{
    private const int Dimensions = 16;
    private static readonly EmbeddingModel Model = TestVectors.Model(Dimensions);

    [Fact]
    public void An_empty_directory_opens_as_an_empty_index()
    {
        using var directory = new TestDirectory();
        using var index = VectorIndex.Open(directory.Path);

        Assert.Null(index.Model);
        Assert.Equal(0, index.Count);
        Assert.False(index.Contains("doc1"));
        Assert.Empty(index.Search(new float[Dimensions], 10));
        Assert.Empty(index.CommitData);
    }

    [Fact]
    public void Added_vectors_are_invisible_until_commit_and_then_read_back_exactly()
    {
        using var directory = new TestDirectory();
        using var writer = VectorIndexWriter.Open(directory.Path, Model);
        var vector = TestVectors.RandomUnit(new Random(1), Dimensions);
        writer.Add("doc1", vector);
        Assert.False(writer.Snapshot.Contains("doc1"));

        writer.Commit();

        var read = new float[Dimensions];
        Assert.True(writer.Snapshot.TryGetVector("doc1", read));
        Assert.Equal(vector, read);
        Assert.Equal(Model, writer.Snapshot.Model);
        Assert.False(writer.Snapshot.TryGetVector("doc2", read));
    }

    [Fact]
    public void A_replaced_key_is_masked_in_its_older_segment()
    {
        using var directory = new TestDirectory();
        using var writer = VectorIndexWriter.Open(directory.Path, Model);
        var random = new Random(2);
        var (old, replacement) = (TestVectors.RandomUnit(random, Dimensions), TestVectors.RandomUnit(random, Dimensions));
        writer.Add("doc1", old);
        writer.Add("doc2", TestVectors.RandomUnit(random, Dimensions));
        writer.Commit();

        writer.Add("doc1", replacement);
        writer.Commit();

        var index = writer.Snapshot;
        Assert.Equal(2, index.Count);
        var read = new float[Dimensions];
        Assert.True(index.TryGetVector("doc1", read));
        Assert.Equal(replacement, read);
        var hits = index.Search(old, 10);
        Assert.Equal(["doc1", "doc2"], hits.Select(h => h.Key).Order(StringComparer.Ordinal));
        Assert.Equal(TestVectors.NaiveTop(new Dictionary<string, float[]> { ["doc1"] = replacement }, old, 1)[0].Score, hits.Single(h => h.Key == "doc1").Score, 1e-5f);
    }

    [Fact]
    public void A_deleted_key_disappears_from_search_count_and_lookups_after_commit()
    {
        using var directory = new TestDirectory();
        using var writer = VectorIndexWriter.Open(directory.Path, Model);
        var vectors = TestVectors.Uniform(seed: 3, count: 20, Dimensions);
        foreach (var (key, vector) in vectors)
        {
            writer.Add(key, vector);
        }
        writer.Commit();

        Assert.True(writer.Delete("doc4"));
        Assert.False(writer.Delete("doc4"));
        Assert.False(writer.Delete("never-added"));
        Assert.True(writer.Snapshot.Contains("doc4"));
        writer.Commit();

        Assert.False(writer.Snapshot.Contains("doc4"));
        Assert.Equal(19, writer.Snapshot.Count);
        Assert.DoesNotContain(writer.Snapshot.Search(vectors["doc4"], 20), h => h.Key == "doc4");
    }

    [Fact]
    public void Deleting_an_uncommitted_add_drops_it_and_adding_after_a_delete_restores_the_key()
    {
        using var directory = new TestDirectory();
        using var writer = VectorIndexWriter.Open(directory.Path, Model);
        var random = new Random(4);
        writer.Add("doc1", TestVectors.RandomUnit(random, Dimensions));
        Assert.True(writer.Delete("doc1"));
        writer.Add("doc2", TestVectors.RandomUnit(random, Dimensions));
        writer.Commit();
        Assert.False(writer.Snapshot.Contains("doc1"));

        writer.Delete("doc2");
        writer.Add("doc2", TestVectors.RandomUnit(random, Dimensions));
        writer.Commit();

        Assert.True(writer.Snapshot.Contains("doc2"));
        Assert.Equal(1, writer.Snapshot.Count);
    }

    [Fact]
    public void Reopening_after_commit_gives_the_same_results_and_commit_data()
    {
        var vectors = TestVectors.Clustered(seed: 5, count: 1_200, Dimensions, clusters: 12);
        var options = new VectorIndexOptions { GraphThreshold = 400 };
        using var directory = new TestDirectory();
        var queries = TestVectors.Clustered(seed: 6, count: 20, Dimensions, clusters: 12).Values.ToList();
        List<IReadOnlyList<VectorHit>> before;
        using (var writer = VectorIndexWriter.Open(directory.Path, Model, options))
        {
            foreach (var (key, vector) in vectors.Take(600))
            {
                writer.Add(key, vector);
            }
            writer.Commit(new Dictionary<string, string> { ["checkpoint"] = "600" });
            foreach (var (key, vector) in vectors.Skip(600))
            {
                writer.Add(key, vector);
            }
            writer.Delete("doc7");
            writer.Commit();
            before = queries.Select(q => writer.Snapshot.Search(q, 10)).ToList();
            Assert.Equal("600", writer.CommitData["checkpoint"]);
        }

        using var reopened = VectorIndex.Open(directory.Path, options);

        Assert.Equal(1_199, reopened.Count);
        Assert.Equal("600", reopened.CommitData["checkpoint"]);
        Assert.Equal(before, queries.Select(q => reopened.Search(q, 10)));
    }

    [Fact]
    public void Many_small_commits_are_merged_so_the_segment_count_stays_bounded_and_answers_match_the_reference()
    {
        var options = new VectorIndexOptions { MaxSegments = 4, GraphThreshold = 150 };
        var live = new Dictionary<string, float[]>(StringComparer.Ordinal);
        var random = new Random(7);
        using var directory = new TestDirectory();
        using var writer = VectorIndexWriter.Open(directory.Path, Model, options);
        for (var commit = 0; commit < 30; commit++)
        {
            for (var i = 0; i < 20; i++)
            {
                // Keys repeat across commits, so later commits replace vectors held by earlier segments.
                var key = $"doc{random.Next(400)}";
                live[key] = TestVectors.RandomUnit(random, Dimensions);
                writer.Add(key, live[key]);
            }
            var gone = $"doc{random.Next(400)}";
            if (writer.Delete(gone))
            {
                live.Remove(gone);
            }
            writer.Commit();
            Assert.InRange(writer.Snapshot.SegmentCount, 1, options.MaxSegments);
            Assert.Equal(live.Count, writer.Snapshot.Count);
        }
        Assert.Equal(writer.Snapshot.SegmentCount, Directory.GetFiles(directory.Path, "*.pbv").Length);

        using var reopened = VectorIndex.Open(directory.Path, options);
        var read = new float[Dimensions];
        foreach (var (key, vector) in live)
        {
            Assert.True(reopened.TryGetVector(key, read));
            Assert.Equal(vector, read);
        }
        for (var q = 0; q < 20; q++)
        {
            var query = TestVectors.RandomUnit(random, Dimensions);
            var found = reopened.Search(query, 10, new VectorSearchOptions { Exact = true });
            Assert.True(TestVectors.Recall(TestVectors.NaiveTop(live, query, 10).Select(e => e.Key), found.Select(h => h.Key)) >= 0.9);
        }
    }

    [Fact]
    public void A_commit_without_data_keeps_the_previous_commit_data()
    {
        using var directory = new TestDirectory();
        using var writer = VectorIndexWriter.Open(directory.Path, Model);
        writer.Commit(new Dictionary<string, string> { ["resume"] = "2024-01-02" });
        writer.Add("doc1", TestVectors.RandomUnit(new Random(8), Dimensions));

        writer.Commit();

        Assert.Equal("2024-01-02", writer.CommitData["resume"]);
        Assert.Equal("2024-01-02", VectorIndex.Open(directory.Path).CommitData["resume"]);
    }

    [Fact]
    public void A_directory_holding_another_models_vectors_is_refused_by_name()
    {
        using var directory = new TestDirectory();
        using (var writer = VectorIndexWriter.Open(directory.Path, Model))
        {
            writer.Add("doc1", TestVectors.RandomUnit(new Random(9), Dimensions));
            writer.Commit();
        }

        var other = new EmbeddingModel("test:other", Dimensions, "another model");
        var error = Assert.Throws<VectorModelMismatchException>(() => VectorIndexWriter.Open(directory.Path, other));

        Assert.Contains(Model.Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("test:other", error.Message, StringComparison.Ordinal);
        using var reopened = VectorIndexWriter.Open(directory.Path, Model); // the refusal released the lock
        Assert.Equal(1, reopened.Snapshot.Count);
    }

    [Fact]
    public void A_second_writer_on_the_same_directory_is_refused_until_the_first_is_disposed()
    {
        using var directory = new TestDirectory();
        var first = VectorIndexWriter.Open(directory.Path, Model);

        Assert.Throws<VectorIndexLockedException>(() => VectorIndexWriter.Open(directory.Path, Model));

        first.Dispose();
        using var second = VectorIndexWriter.Open(directory.Path, Model);
        Assert.Equal(0, second.Snapshot.Count);
    }

    [Fact]
    public void A_snapshot_keeps_answering_from_its_commit_while_the_writer_moves_on()
    {
        using var directory = new TestDirectory();
        using var writer = VectorIndexWriter.Open(directory.Path, new EmbeddingModel("test:m", Dimensions, ""), new VectorIndexOptions { MaxSegments = 2 });
        var random = new Random(10);
        var first = TestVectors.RandomUnit(random, Dimensions);
        writer.Add("doc1", first);
        writer.Commit();
        var old = writer.Snapshot;

        for (var i = 2; i < 6; i++)
        {
            writer.Add($"doc{i}", TestVectors.RandomUnit(random, Dimensions));
            writer.Commit(); // merges, deleting the file old was read from
        }
        writer.Delete("doc1");
        writer.Commit();

        Assert.Equal(1, old.Count);
        Assert.Equal("doc1", old.Search(first, 5).Single().Key);
        Assert.False(writer.Snapshot.Contains("doc1"));
    }

    [Fact]
    public void Vectors_of_the_wrong_size_or_with_NaN_are_refused_and_lose_nothing_else()
    {
        using var directory = new TestDirectory();
        using var writer = VectorIndexWriter.Open(directory.Path, Model);
        writer.Add("doc1", TestVectors.RandomUnit(new Random(11), Dimensions));

        Assert.Throws<ArgumentException>(() => writer.Add("doc2", new float[Dimensions + 1]));
        var nan = new float[Dimensions];
        nan[3] = float.NaN;
        Assert.Throws<ArgumentException>(() => writer.Add("doc3", nan));
        writer.Commit();

        Assert.Equal(1, writer.Snapshot.Count);
    }
}
