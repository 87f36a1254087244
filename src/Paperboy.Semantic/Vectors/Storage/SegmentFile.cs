using Paperboy.Semantic.Vectors.Hnsw;

namespace Paperboy.Semantic.Vectors.Storage;

/// <summary>
/// A segment on disk, <c>&lt;name&gt;.pbv</c>, written once and never changed:
/// count, dimensions; the keys; the float32 vectors; the int8 codes; the per-vector scales; a flag
/// and, when set, the HNSW graph; then the footer (version, length, CRC-32C, magic). Opening reads
/// it whole into memory and checks the checksum before any of it is used.
/// </summary>
internal static class SegmentFile
{
    public const string Extension = ".pbv";
    public const int Version = 1;

    public static string PathOf(string directory, string name) => Path.Combine(directory, name + Extension);

    public static void Write(string directory, Segment segment)
    {
        using var output = new ChecksummedWriter(PathOf(directory, segment.Name));
        output.WriteInt32(segment.Count);
        output.WriteInt32(segment.Dimensions);
        foreach (var key in segment.Keys)
        {
            output.WriteString(key);
        }
        output.WriteArray<float>(segment.Vectors);
        output.WriteArray<sbyte>(segment.Codes);
        output.WriteArray<float>(segment.Scales);
        output.WriteInt32(segment.Graph is null ? 0 : 1);
        segment.Graph?.Write(output);
        output.Finish(Version);
    }

    public static Segment Read(string directory, string name, int expectedCount, int expectedDimensions)
    {
        using var input = ChecksummedReader.Open(PathOf(directory, name), Version);
        var count = input.ReadInt32();
        var dimensions = input.ReadInt32();
        if (count != expectedCount || dimensions != expectedDimensions)
        {
            throw input.Corrupt($"holds {count} vectors of {dimensions} dimensions, the commit says {expectedCount} of {expectedDimensions}");
        }
        // The sizes are checked against the bytes left before anything that large is allocated.
        if ((long)count * dimensions * 5 + count * 8L > input.Remaining)
        {
            throw input.Corrupt("shorter than its own counts");
        }
        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = input.ReadString();
        }
        var vectors = new float[count * dimensions];
        input.ReadArray<float>(vectors);
        var codes = new sbyte[count * dimensions];
        input.ReadArray<sbyte>(codes);
        var scales = new float[count];
        input.ReadArray<float>(scales);
        var graph = input.ReadCount(1) == 1 ? HnswGraph.Read(input, count) : null;
        input.Finish();
        try
        {
            return new Segment(name, dimensions, keys, vectors, codes, scales, graph);
        }
        catch (ArgumentException e)
        {
            throw new CorruptVectorIndexException(input.Path, "the same key twice", e);
        }
    }
}
