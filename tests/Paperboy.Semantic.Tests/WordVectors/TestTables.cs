using System.Globalization;
using System.Text;
using Paperboy.Semantic.WordVectors;

namespace Paperboy.Semantic.Tests.WordVectors;

/// <summary>
/// Small word-vector tables whose geometry the tests control. In <see cref="Animals"/> every word shares a
/// large common direction (axis 0), as real word vectors share their mean, and the topics sit on their own
/// axes: cat and kitten on axis 1, car and truck on axis 3, function words near the common direction only.
/// </summary>
internal static class TestTables
{
    public static readonly (string Word, float[] Vector)[] Animals =
    [
        ("the", [3f, 0.1f, 0f, 0f, 0f, 0.3f]),
        ("a", [3f, 0f, 0.1f, 0.1f, 0f, 0.2f]),
        ("of", [3f, 0f, 0f, 0f, 0.1f, 0.25f]),
        ("cat", [2f, 2f, 0.1f, 0f, 0f, 0f]),
        ("kitten", [2f, 1.8f, 0.4f, 0f, 0f, 0f]),
        ("car", [2f, 0f, 0f, 2f, 0.1f, 0f]),
        ("truck", [2f, 0f, 0f, 1.8f, 0.4f, 0f]),
        ("state-of-the-art", [1f, 0f, 1f, 1f, 1f, 0f]),
        ("state", [1f, 0.5f, 0.5f, 0f, 0f, 0f]),
        ("art", [1f, 0f, 0f, 0.5f, 0.5f, 0f]),
        ("'s", [2f, 0f, 0f, 0f, 0f, 1f]),
        ("x", [1f, 1f, 1f, 1f, 1f, 1f]),
        ("helix", [0.5f, -1f, 0.5f, -1f, 0.5f, -1f]),
        ("über", [1f, -1f, 1f, -1f, 1f, -1f]),
    ];

    public static WordVectorTable Write(string path, IEnumerable<(string Word, float[] Vector)> entries, string name = "test")
    {
        var list = entries.ToList();
        var writer = new WordVectorTableWriter(name, list[0].Vector.Length);
        foreach (var (word, vector) in list)
        {
            writer.Add(word, vector);
        }
        writer.Write(path);
        return WordVectorTable.Open(path);
    }

    public static string GloveText(IEnumerable<(string Word, float[] Vector)> entries) =>
        string.Concat(entries.Select(e => e.Word + " " + string.Join(' ', e.Vector.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n"));

    /// <summary>The wink layout: precision, indexes, words, vectors with norm and index appended, unkVector.</summary>
    public static string WinkJson(IReadOnlyList<(string Word, float[] Vector)> entries)
    {
        var dimensions = entries[0].Vector.Length;
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"precision\":8,\"l2NormIndex\":{dimensions},\"wordIndex\":{dimensions + 1},\"size\":{entries.Count},\"dimensions\":{dimensions},\"words\":[");
        json.AppendJoin(',', entries.Select(e => "\"" + e.Word.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
        json.Append("],\"vectors\":{");
        for (var i = 0; i < entries.Count; i++)
        {
            var (word, vector) = entries[i];
            var norm = Math.Sqrt(vector.Sum(v => (double)v * v));
            json.Append(i == 0 ? "" : ",").Append('"').Append(word.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\":[");
            json.AppendJoin(',', vector.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            json.Append(CultureInfo.InvariantCulture, $",{norm:F8},{i}]");
        }
        json.Append("},\"unkVector\":[").AppendJoin(',', Enumerable.Repeat("0", dimensions)).Append(",-1]}");
        return json.ToString();
    }

    /// <summary>Deterministic pseudo-random vectors for many words (enough to make the JSON span several reader buffers).</summary>
    public static List<(string Word, float[] Vector)> Many(int count, int dimensions, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => ($"w{i}", Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray()))
            .ToList();
    }
}
