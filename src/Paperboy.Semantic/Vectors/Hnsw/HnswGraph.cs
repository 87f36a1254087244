using Paperboy.Semantic.Vectors.Storage;

namespace Paperboy.Semantic.Vectors.Hnsw;

/// <summary>
/// A hierarchical navigable small world graph over one segment's vectors (Malkov and Yashunin,
/// "Efficient and robust approximate nearest neighbor search using HNSW graphs", 2018,
/// arXiv:1603.09320): node n lives on layers 0 to its level, with a neighbour list on each. Each
/// list is replaced whole, never edited in place, so a reader always sees a complete list.
/// </summary>
internal sealed class HnswGraph
{
    private readonly int[][][] _links;

    public HnswGraph(int[][][] links, int entryPoint, int topLevel)
    {
        _links = links;
        EntryPoint = entryPoint;
        TopLevel = topLevel;
    }

    public int Count => _links.Length;

    /// <summary>Where every search starts: a node on the top layer (-1 while the graph is empty).</summary>
    public int EntryPoint { get; internal set; }

    public int TopLevel { get; internal set; }

    public int LevelOf(int node) => _links[node].Length - 1;

    public int[] Neighbors(int node, int level) => _links[node][level];

    internal void SetNeighbors(int node, int level, int[] neighbors) => _links[node][level] = neighbors;

    public void Write(ChecksummedWriter output)
    {
        output.WriteInt32(EntryPoint);
        output.WriteInt32(TopLevel);
        foreach (var levels in _links)
        {
            output.WriteInt32(levels.Length);
            foreach (var neighbors in levels)
            {
                output.WriteInt32(neighbors.Length);
                output.WriteArray<int>(neighbors);
            }
        }
    }

    /// <summary>Reads a graph of <paramref name="count"/> nodes, checking every link points at one.</summary>
    public static HnswGraph Read(ChecksummedReader input, int count)
    {
        var entryPoint = input.ReadInt32();
        var topLevel = input.ReadCount(64);
        if (entryPoint < 0 || entryPoint >= count)
        {
            throw input.Corrupt($"HNSW entry point {entryPoint} outside {count} nodes");
        }
        var links = new int[count][][];
        for (var node = 0; node < count; node++)
        {
            var levels = new int[input.ReadCount(topLevel + 1)][];
            for (var level = 0; level < levels.Length; level++)
            {
                var neighbors = new int[input.ReadCount(count)];
                input.ReadArray<int>(neighbors);
                foreach (var neighbor in neighbors)
                {
                    if ((uint)neighbor >= (uint)count)
                    {
                        throw input.Corrupt($"HNSW link {neighbor} outside {count} nodes");
                    }
                }
                levels[level] = neighbors;
            }
            links[node] = levels.Length > 0 ? levels : throw input.Corrupt($"HNSW node {node} on no layer");
        }
        return new HnswGraph(links, entryPoint, topLevel);
    }
}
