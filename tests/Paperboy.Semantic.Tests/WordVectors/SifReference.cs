using Paperboy.Semantic.WordVectors;

namespace Paperboy.Semantic.Tests.WordVectors;

/// <summary>
/// SIF written the plain way, in doubles, straight from the paper (Arora, Liang and Ma 2017, Algorithm 1):
/// the weighted average, minus its projections on the components, normalised; p(w) smoothed towards the
/// Zipf prior as <see cref="SifModel"/> documents. The embedder must match it.
/// </summary>
internal static class SifReference
{
    public static double[] Embed(WordVectorTable table, SifModel model, IEnumerable<string> words)
    {
        var sum = new double[table.Dimensions];
        var vector = new float[table.Dimensions];
        var count = 0;
        var harmonic = Enumerable.Range(1, table.Count).Sum(r => 1.0 / r);
        foreach (var word in words)
        {
            if (!table.TryGetIndex(word, out var row))
            {
                continue;
            }
            var zipf = 1.0 / ((row + 1) * harmonic);
            var p = (model.Counts.GetValueOrDefault(row) + model.PriorWords * zipf) / (model.TotalCount + model.PriorWords);
            var weight = model.A / (model.A + p);
            table.CopyVector(row, vector);
            for (var d = 0; d < sum.Length; d++)
            {
                sum[d] += weight * vector[d];
            }
            count++;
        }
        if (count == 0)
        {
            return sum;
        }
        for (var d = 0; d < sum.Length; d++)
        {
            sum[d] /= count;
        }
        foreach (var component in model.Components)
        {
            var projection = 0.0;
            for (var d = 0; d < sum.Length; d++)
            {
                projection += sum[d] * component[d];
            }
            for (var d = 0; d < sum.Length; d++)
            {
                sum[d] -= projection * component[d];
            }
        }
        var norm = Math.Sqrt(sum.Sum(v => v * v));
        return sum.Select(v => v / norm).ToArray();
    }
}
