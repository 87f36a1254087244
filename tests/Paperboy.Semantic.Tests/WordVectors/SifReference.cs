using Paperboy.Semantic.WordVectors;

namespace Paperboy.Semantic.Tests.WordVectors;

/// <summary>
/// SIF written the plain way, in doubles, straight from the paper (Arora, Liang and Ma 2017, Algorithm 1):
/// the weighted average, minus its projection on the component, normalised. The embedder must match it.
/// </summary>
internal static class SifReference
{
    public static double[] Embed(WordVectorTable table, SifModel model, IEnumerable<string> words)
    {
        var sum = new double[table.Dimensions];
        var vector = new float[table.Dimensions];
        var count = 0;
        foreach (var word in words)
        {
            if (!table.TryGetIndex(word, out var row))
            {
                continue;
            }
            var p = model.Counts.TryGetValue(row, out var c) ? (double)c / model.TotalCount : SifModel.UnseenCount / model.TotalCount;
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
        var projection = 0.0;
        for (var d = 0; d < sum.Length; d++)
        {
            projection += sum[d] * model.Component[d];
        }
        for (var d = 0; d < sum.Length; d++)
        {
            sum[d] -= projection * model.Component[d];
        }
        var norm = Math.Sqrt(sum.Sum(v => v * v));
        return sum.Select(v => v / norm).ToArray();
    }
}
