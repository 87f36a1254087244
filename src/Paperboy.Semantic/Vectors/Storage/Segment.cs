using Paperboy.Semantic.Vectors.Hnsw;

namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>
/// One immutable segment, held in memory: keys, float32 vectors (for rescoring and
/// <see cref="VectorIndex.TryGetVector"/>), int8 codes with their per-vector scales, and an HNSW
/// graph when the segment is large enough. Which of its vectors are deleted is not part of it: that
/// changes with every commit and lives in the meta file.
/// </summary>
internal sealed class Segment
{
    private readonly Dictionary<string, int> _ordinals;

    public Segment(string name, int dimensions, string[] keys, float[] vectors, sbyte[] codes, float[] scales, HnswGraph? graph)
    {
        Name = name;
        Dimensions = dimensions;
        Keys = keys;
        Vectors = vectors;
        Codes = codes;
        Scales = scales;
        Graph = graph;
        _ordinals = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            _ordinals.Add(keys[i], i);
        }
    }

    public string Name { get; }

    public int Dimensions { get; }

    public int Count => Keys.Length;

    public string[] Keys { get; }

    public float[] Vectors { get; }

    public sbyte[] Codes { get; }

    public float[] Scales { get; }

    public HnswGraph? Graph { get; }

    public ReadOnlySpan<float> Vector(int ordinal) => Vectors.AsSpan(ordinal * Dimensions, Dimensions);

    public ReadOnlySpan<sbyte> Code(int ordinal) => Codes.AsSpan(ordinal * Dimensions, Dimensions);

    public bool TryGetOrdinal(string key, out int ordinal) => _ordinals.TryGetValue(key, out ordinal);
}
