using Paperboy.Search.Indexing;

namespace Paperboy.Search.Tests.Indexing;

/// <summary>Postings lists for codec tests: random ones and the edge cases of the block format.</summary>
internal static class PostingsLists
{
    public sealed record List(string Name, int[] Docs, int[][] Positions, int[] Lengths)
    {
        public override string ToString() => Name;
    }

    private static readonly Lazy<List[]> Lists = new(() => [.. Generate()]);

    public static IReadOnlyList<List> All => Lists.Value;

    public static List Named(string name) => Lists.Value.Single(l => l.Name == name);

    private static IEnumerable<List> Generate()
    {
        var random = new Random(11);
        yield return Make("one posting at doc 0", [0], _ => 1, random);
        yield return Make("one posting at the last doc id", [int.MaxValue - 1], _ => 3, random);
        yield return Make("127 postings", Dense(0, 127), _ => 2, random);
        yield return Make("exactly 128 postings", Dense(5, 128), _ => 1, random);
        yield return Make("129 postings", Dense(0, 129), _ => 1 + random.Next(3), random);
        yield return Make("exactly 256 postings", Spread(random, 256, 40), _ => 1 + random.Next(9), random);
        yield return Make("freq 1 everywhere over 1,000 postings", Spread(random, 1_000, 300), _ => 1, random);
        yield return Make("huge gaps", [0, 1, 1_000_000_000, int.MaxValue - 2, int.MaxValue - 1], _ => 2, random);
        yield return Make("a full block with gaps near int.MaxValue",
            [.. Enumerable.Range(0, 128).Select(i => i * (int.MaxValue / 128))], _ => 1, random);
        yield return Make("very long position lists", Spread(random, 300, 20), i => i % 50 == 0 ? 20_000 : 1 + random.Next(4), random);
        yield return Make("high frequencies in full blocks", Spread(random, 400, 3), i => i % 37 == 0 ? random.Next(1, 70_000) : random.Next(1, 300), random, positionStep: 3);
        for (var n = 0; n < 20; n++)
        {
            var count = random.Next(1, 2_000);
            var scale = random.Next(4) switch { 0 => 1, 1 => 30, 2 => 2_000, _ => 1_000_000 };
            yield return Make($"random {n}", Spread(random, count, scale), _ => random.Next(5) == 0 ? random.Next(2, 40) : 1, random);
        }
    }

    /// <summary>Encodes with the fast encoder, as a segment writer does; positions go in as varint bytes.</summary>
    public static (byte[] Postings, byte[] Positions) EncodeFast(List list)
    {
        var postings = new ByteBuffer();
        var positions = new ByteBuffer();
        var encoder = new PostingsEncoder(postings, positions);
        for (var i = 0; i < list.Docs.Length; i++)
        {
            encoder.Add(list.Docs[i], list.Positions[i].Length, PositionBytes(list.Positions[i]), list.Lengths[i]);
        }
        Assert.Equal(list.Docs.Length, encoder.FinishTerm());
        return (postings.ToArray(), positions.ToArray());
    }

    public static byte[] PositionBytes(int[] positions)
    {
        var bytes = new List<byte>();
        var previous = 0;
        foreach (var position in positions)
        {
            PrefixVarInt.Write(bytes, (uint)(position - previous));
            previous = position;
        }
        return [.. bytes];
    }

    private static int[] Dense(int first, int count) => [.. Enumerable.Range(first, count)];

    private static int[] Spread(Random random, int count, int scale)
    {
        var docs = new int[count];
        var doc = -1;
        for (var i = 0; i < count; i++)
        {
            doc += 1 + random.Next(scale);
            docs[i] = doc;
        }
        return docs;
    }

    private static List Make(string name, int[] docs, Func<int, int> freq, Random random, int positionStep = 200)
    {
        var positions = new int[docs.Length][];
        var lengths = new int[docs.Length];
        for (var i = 0; i < docs.Length; i++)
        {
            var list = new int[freq(i)];
            var position = random.Next(3) == 0 ? 0 : random.Next(1_000);
            for (var p = 0; p < list.Length; p++)
            {
                list[p] = position;
                position += 1 + random.Next(positionStep);
            }
            positions[i] = list;
            lengths[i] = list.Length + random.Next(300);
        }
        return new List(name, docs, positions, lengths);
    }
}
