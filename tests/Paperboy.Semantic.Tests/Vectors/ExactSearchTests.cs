using Paperboy.Semantic.Vectors;

namespace Paperboy.Semantic.Tests.Vectors;

public sealed class ExactSearchTests
{
    private const int Dimensions = 64;

    [Fact]
    public void Exact_search_returns_the_reference_top_k_in_order_when_neighbours_are_well_separated()
    {
        // For each query, ten vectors at clearly different angles from it (cosines 0.95, 0.91, ...),
        // among many random ones (cosines near 0): int8 rounding cannot reorder them.
        var random = new Random(11);
        var vectors = TestVectors.Uniform(seed: 12, count: 2_000, Dimensions);
        var queries = new List<float[]>();
        for (var q = 0; q < 20; q++)
        {
            var query = TestVectors.RandomUnit(random, Dimensions);
            var orthogonal = Orthogonal(query, TestVectors.RandomUnit(random, Dimensions));
            for (var rank = 0; rank < 10; rank++)
            {
                var cosine = 0.95f - (0.04f * rank);
                var sine = MathF.Sqrt(1 - (cosine * cosine));
                vectors[$"planted{q}-{rank}"] = TestVectors.Normalize(query.Zip(orthogonal, (a, b) => (cosine * a) + (sine * b)).ToArray());
            }
            queries.Add(query);
        }
        using var directory = new TestDirectory();
        using var index = Build(directory.Path, vectors);

        foreach (var query in queries)
        {
            var expected = TestVectors.NaiveTop(vectors, query, 10);
            var found = index.Search(query, 10, new VectorSearchOptions { Exact = true });
            Assert.Equal(expected.Select(e => e.Key), found.Select(f => f.Key));
            Assert.All(expected.Zip(found), p => Assert.Equal(p.First.Score, p.Second.Score, 1e-5f));
        }
    }

    [Fact]
    public void Exact_search_recalls_at_least_99_percent_of_the_reference_top_10_on_uniform_random_vectors()
    {
        var vectors = TestVectors.Uniform(seed: 21, count: 3_000, Dimensions);
        using var directory = new TestDirectory();
        using var index = Build(directory.Path, vectors);
        var random = new Random(22);
        var recalls = new List<double>();
        for (var q = 0; q < 100; q++)
        {
            var query = TestVectors.RandomUnit(random, Dimensions);
            var found = index.Search(query, 10);
            recalls.Add(TestVectors.Recall(TestVectors.NaiveTop(vectors, query, 10).Select(e => e.Key), found.Select(f => f.Key)));
            Assert.True(found.Zip(found.Skip(1)).All(p => p.First.Score >= p.Second.Score), "hits are best first");
        }
        Assert.True(recalls.Average() >= 0.99, $"recall@10 {recalls.Average():F3}");
    }

    [Fact]
    public void Exact_search_applies_the_filter_inside_and_still_returns_k_accepted_hits()
    {
        var vectors = TestVectors.Uniform(seed: 31, count: 1_000, Dimensions);
        using var directory = new TestDirectory();
        using var index = Build(directory.Path, vectors);
        var query = TestVectors.RandomUnit(new Random(32), Dimensions);
        static bool OddOnly(string key) => int.Parse(key.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture) % 2 == 1;

        var found = index.Search(query, 10, new VectorSearchOptions { Accept = OddOnly });

        Assert.Equal(10, found.Count);
        Assert.All(found, hit => Assert.True(OddOnly(hit.Key)));
        Assert.True(TestVectors.Recall(TestVectors.NaiveTop(vectors, query, 10, OddOnly).Select(e => e.Key), found.Select(f => f.Key)) >= 0.9);
    }

    [Fact]
    public void A_filter_that_accepts_fewer_than_k_returns_exactly_those()
    {
        var vectors = TestVectors.Uniform(seed: 41, count: 500, Dimensions);
        using var directory = new TestDirectory();
        using var index = Build(directory.Path, vectors);
        string[] wanted = ["doc3", "doc77", "doc401"];

        var found = index.Search(TestVectors.RandomUnit(new Random(42), Dimensions), 10, new VectorSearchOptions { Accept = wanted.Contains });

        Assert.Equal(wanted.Order(StringComparer.Ordinal), found.Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_returns_every_vector_when_k_exceeds_the_count()
    {
        var vectors = TestVectors.Uniform(seed: 51, count: 7, Dimensions);
        using var directory = new TestDirectory();
        using var index = Build(directory.Path, vectors);
        var query = TestVectors.RandomUnit(new Random(52), Dimensions);

        Assert.Equal(TestVectors.NaiveTop(vectors, query, 7).Select(e => e.Key), index.Search(query, 100).Select(h => h.Key));
    }

    [Fact]
    public void A_query_of_the_wrong_size_is_refused_with_a_clear_message()
    {
        using var directory = new TestDirectory();
        using var index = Build(directory.Path, TestVectors.Uniform(seed: 61, count: 3, Dimensions));

        var error = Assert.Throws<ArgumentException>(() => index.Search(new float[10], 5));
        Assert.Contains("10 dimensions", error.Message, StringComparison.Ordinal);
    }

    internal static VectorIndex Build(string directory, IReadOnlyDictionary<string, float[]> vectors, VectorIndexOptions? options = null)
    {
        using var writer = VectorIndexWriter.Open(directory, TestVectors.Model(vectors.First().Value.Length), options);
        foreach (var (key, vector) in vectors)
        {
            writer.Add(key, vector);
        }
        writer.Commit();
        return writer.Snapshot;
    }

    private static float[] Orthogonal(float[] unit, float[] other)
    {
        var dot = unit.Zip(other).Sum(p => p.First * p.Second);
        return TestVectors.Normalize(other.Zip(unit, (o, u) => o - (dot * u)).ToArray());
    }
}
