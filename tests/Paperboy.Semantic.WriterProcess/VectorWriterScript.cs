using Paperboy.Semantic.Embedding;
using Paperboy.Semantic.Vectors;

namespace Paperboy.Semantic.WriterProcess;

/// <summary>
/// The writer's deterministic history, shared with the crash tests so they can tell exactly what
/// any commit must hold. Batch b adds 60 vectors under keys drawn from a pool of 500 (so most
/// replace a vector an earlier segment holds) and deletes two keys. Small thresholds make commits
/// build graphs and merge segments, so kills land in those too.
/// </summary>
public static class VectorWriterScript
{
    public const int Dimensions = 24;
    public static readonly EmbeddingModel Model = new("test:crash", Dimensions, "vectors of the crash tests");
    public static readonly VectorIndexOptions Options = new() { GraphThreshold = 300, MaxSegments = 4, EfConstruction = 64 };

    public static void Apply(VectorIndexWriter writer, int batch)
    {
        foreach (var (key, vector) in Adds(batch))
        {
            writer.Add(key, vector);
        }
        foreach (var key in Deletes(batch))
        {
            writer.Delete(key);
        }
    }

    /// <summary>Every live key and its vector after <paramref name="lastBatch"/> batches.</summary>
    public static Dictionary<string, float[]> LiveAfter(int lastBatch)
    {
        var live = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var batch = 1; batch <= lastBatch; batch++)
        {
            foreach (var (key, vector) in Adds(batch))
            {
                live[key] = vector;
            }
            foreach (var key in Deletes(batch))
            {
                live.Remove(key);
            }
        }
        return live;
    }

    private static IEnumerable<(string Key, float[] Vector)> Adds(int batch)
    {
        var random = new Random(batch);
        for (var i = 0; i < 60; i++)
        {
            var vector = new float[Dimensions];
            for (var d = 0; d < Dimensions; d++)
            {
                vector[d] = (float)(random.NextDouble() - 0.5);
            }
            var norm = MathF.Sqrt(vector.Sum(x => x * x));
            yield return ($"k{random.Next(500)}", [.. vector.Select(x => x / norm)]);
        }
    }

    private static IEnumerable<string> Deletes(int batch)
    {
        var random = new Random(-batch);
        return [$"k{random.Next(500)}", $"k{random.Next(500)}"];
    }
}
