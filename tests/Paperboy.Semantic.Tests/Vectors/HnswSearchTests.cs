using Paperboy.Semantic.Vectors;

namespace Paperboy.Semantic.Tests.Vectors;

public sealed class HnswSearchTests
{
    private const int Dimensions = 48;

    // Small enough to build in a second or two, big enough that every segment here has a graph.
    private static readonly VectorIndexOptions GraphOptions = new() { GraphThreshold = 500, EfSearch = 64 };

    [Fact]
    public void Graph_search_recalls_at_least_90_percent_of_the_exact_top_10_on_clustered_vectors()
    {
        var vectors = TestVectors.Clustered(seed: 1, count: 4_000, Dimensions, clusters: 40);
        using var directory = new TestDirectory();
        using var index = ExactSearchTests.Build(directory.Path, vectors, GraphOptions);
        var queries = TestVectors.Clustered(seed: 2, count: 100, Dimensions, clusters: 40).Values;

        var recall = queries.Average(query => TestVectors.Recall(
            TestVectors.NaiveTop(vectors, query, 10).Select(e => e.Key),
            index.Search(query, 10).Select(h => h.Key)));

        Assert.True(recall >= 0.9, $"recall@10 {recall:F3}");
    }

    [Fact]
    public void Graph_hits_carry_exact_float_scores_best_first()
    {
        var vectors = TestVectors.Clustered(seed: 3, count: 1_000, Dimensions, clusters: 10);
        using var directory = new TestDirectory();
        using var index = ExactSearchTests.Build(directory.Path, vectors, GraphOptions);
        var query = vectors["doc17"];

        var found = index.Search(query, 10);

        Assert.Equal("doc17", found[0].Key);
        Assert.Equal(1f, found[0].Score, 1e-5f);
        var reference = TestVectors.NaiveTop(vectors, query, int.MaxValue).ToDictionary(e => e.Key, e => e.Score);
        Assert.All(found, hit => Assert.Equal(reference[hit.Key], hit.Score, 1e-5f));
        Assert.True(found.Zip(found.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Building_twice_from_the_same_vectors_gives_the_same_answers()
    {
        var vectors = TestVectors.Clustered(seed: 5, count: 1_500, Dimensions, clusters: 15);
        using var first = new TestDirectory();
        using var second = new TestDirectory();
        using var a = ExactSearchTests.Build(first.Path, vectors, GraphOptions);
        using var b = ExactSearchTests.Build(second.Path, vectors, GraphOptions);

        foreach (var query in TestVectors.Clustered(seed: 6, count: 30, Dimensions, clusters: 15).Values)
        {
            Assert.Equal(a.Search(query, 10, new VectorSearchOptions { Ef = 16 }), b.Search(query, 10, new VectorSearchOptions { Ef = 16 }));
        }
        Assert.Equal(File.ReadAllBytes(Directory.GetFiles(first.Path, "*.pbv").Single()), File.ReadAllBytes(Directory.GetFiles(second.Path, "*.pbv").Single()));
    }

    [Theory]
    [InlineData(2)]   // half accepted: the graph walk, which keeps going past rejected nodes
    [InlineData(50)]  // 2% accepted: selective enough that the exact scan is chosen
    public void A_filtered_graph_search_returns_k_accepted_hits_close_to_the_filtered_reference(int oneIn)
    {
        var vectors = TestVectors.Clustered(seed: 7, count: 3_000, Dimensions, clusters: 30);
        using var directory = new TestDirectory();
        using var index = ExactSearchTests.Build(directory.Path, vectors, GraphOptions);
        bool Accept(string key) => int.Parse(key.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture) % oneIn == 0;

        var recalls = new List<double>();
        foreach (var query in TestVectors.Clustered(seed: 8, count: 30, Dimensions, clusters: 30).Values)
        {
            var found = index.Search(query, 10, new VectorSearchOptions { Accept = Accept });
            Assert.Equal(10, found.Count);
            Assert.All(found, hit => Assert.True(Accept(hit.Key)));
            recalls.Add(TestVectors.Recall(TestVectors.NaiveTop(vectors, query, 10, Accept).Select(e => e.Key), found.Select(h => h.Key)));
        }
        Assert.True(recalls.Average() >= 0.9, $"filtered recall@10 {recalls.Average():F3}");
    }

    [Fact]
    public void Exact_option_on_a_graph_segment_matches_the_reference()
    {
        var vectors = TestVectors.Clustered(seed: 9, count: 1_000, Dimensions, clusters: 10);
        using var directory = new TestDirectory();
        using var index = ExactSearchTests.Build(directory.Path, vectors, GraphOptions);
        var query = TestVectors.Clustered(seed: 10, count: 1, Dimensions, clusters: 10).Values.Single();

        var found = index.Search(query, 10, new VectorSearchOptions { Exact = true });

        Assert.True(TestVectors.Recall(TestVectors.NaiveTop(vectors, query, 10).Select(e => e.Key), found.Select(h => h.Key)) >= 0.9);
    }

    [Fact]
    public void Deleted_vectors_in_a_graph_segment_are_never_returned()
    {
        var vectors = TestVectors.Clustered(seed: 11, count: 1_000, Dimensions, clusters: 10);
        using var directory = new TestDirectory();
        using var writer = VectorIndexWriter.Open(directory.Path, TestVectors.Model(Dimensions), GraphOptions);
        foreach (var (key, vector) in vectors)
        {
            writer.Add(key, vector);
        }
        writer.Commit();
        var query = vectors["doc5"];
        var nearest = writer.Snapshot.Search(query, 10).Select(h => h.Key).ToList();
        foreach (var key in nearest)
        {
            writer.Delete(key);
        }
        writer.Commit();

        var found = writer.Snapshot.Search(query, 10);

        Assert.Equal(10, found.Count);
        Assert.Empty(found.Select(h => h.Key).Intersect(nearest));
    }
}
