using System.Diagnostics;
using Paperboy.Semantic.Embedding;
using Paperboy.Semantic.Vectors;

namespace Paperboy.Bench;

/// <summary>
/// The vector index on synthetic clustered vectors (<see cref="VectorCorpus"/>): builds it on disk as
/// a writer would (one commit, so one segment, with an HNSW graph above the threshold), reopens it,
/// then runs every query, single-threaded, through the float32 brute-force scan (the peer and the
/// ground truth), the exact int8 scan, and the HNSW graph at several beam widths, each path's
/// recall@10 measured against the brute force.
/// </summary>
internal static class VectorBenchmark
{
    private const int K = 10;
    private const int Warmup = 50;
    private static readonly int[] EfSweep = [16, 32, 64, 100, 128, 200, 300];

    public static VectorRun Run(BenchArguments arguments, ScratchDirectory scratch, TextWriter log)
    {
        var environment = RunEnvironment.Capture(sqliteVersion: "n/a");
        var (count, dimensions) = (arguments.Vectors, arguments.Dimensions);
        log.WriteLine($"bench: generating {count:N0} clustered unit vectors of {dimensions} dimensions and {arguments.QueriesPerKind:N0} queries (seed {arguments.Seed})");
        var random = new Random(arguments.Seed);
        var centres = VectorCorpus.Centres(random, dimensions);
        var data = VectorCorpus.Generate(random, centres, count, dimensions);
        var queries = VectorCorpus.Generate(random, centres, arguments.QueriesPerKind, dimensions);
        var queryCount = arguments.QueriesPerKind;

        log.WriteLine($"bench: building the index (load average {LoadAverage.Read()})");
        var directory = scratch.File("vectors");
        var model = new EmbeddingModel($"bench:clustered:{dimensions}", dimensions, "synthetic clustered vectors");
        var started = Stopwatch.GetTimestamp();
        using (var writer = VectorIndexWriter.Open(directory, model))
        {
            for (var i = 0; i < count; i++)
            {
                writer.Add(Key(i), data.AsSpan(i * dimensions, dimensions));
            }
            writer.Commit();
        }
        var buildSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var loadAfterBuild = LoadAverage.Read();
        var indexBytes = Directory.GetFiles(directory).Sum(f => new FileInfo(f).Length);

        started = Stopwatch.GetTimestamp();
        using var index = VectorIndex.Open(directory);
        var openSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        log.WriteLine($"bench: built in {buildSeconds:F1} s, reopened in {openSeconds:F2} s; computing the float32 ground truth");
        var truth = new HashSet<string>[queryCount];
        var paths = new List<VectorPathFigures>
        {
            Measure("float32 brute force (peer)", queryCount, q => truth[q] = [.. FloatBruteForce.Top(data, dimensions, Query(queries, dimensions, q), K).Select(Key)], truth, warm: q => FloatBruteForce.Top(data, dimensions, Query(queries, dimensions, q), K)),
        };
        log.WriteLine("bench: measuring the exact int8 scan and the graph");
        var exact = new VectorSearchOptions { Exact = true };
        paths.Add(Measure("exact int8 scan + float32 rescoring", queryCount, q => Keys(index.Search(Query(queries, dimensions, q), K, exact)), truth));
        foreach (var ef in EfSweep)
        {
            var options = new VectorSearchOptions { Ef = ef };
            paths.Add(Measure($"HNSW ef={ef}", queryCount, q => Keys(index.Search(Query(queries, dimensions, q), K, options)), truth));
        }
        return new VectorRun(environment, count, dimensions, queryCount, arguments.Seed, buildSeconds, openSeconds, indexBytes,
            (double)indexBytes / count, VectorIndexOptions.Default.EfSearch, paths, loadAfterBuild, LoadAverage.Read());
    }

    private static VectorPathFigures Measure(string path, int queryCount, Func<int, HashSet<string>> search, HashSet<string>[] truth, Action<int>? warm = null)
    {
        for (var q = 0; q < Math.Min(Warmup, queryCount); q++)
        {
            if (warm is null)
            {
                search(q);
            }
            else
            {
                warm(q);
            }
        }
        var milliseconds = new double[queryCount];
        var found = new HashSet<string>[queryCount];
        for (var q = 0; q < queryCount; q++)
        {
            var started = Stopwatch.GetTimestamp();
            found[q] = search(q);
            milliseconds[q] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        var recall = Enumerable.Range(0, queryCount).Average(q => (double)found[q].Count(truth[q].Contains) / truth[q].Count);
        return new VectorPathFigures(path, Latency.Of(milliseconds), recall);
    }

    private static HashSet<string> Keys(IReadOnlyList<VectorHit> hits) => [.. hits.Select(h => h.Key)];

    private static ReadOnlySpan<float> Query(float[] queries, int dimensions, int q) => queries.AsSpan(q * dimensions, dimensions);

    private static string Key(int i) => $"v{i}";
}
