using Paperboy.Search.Indexing;

namespace Paperboy.Search.Tests.Indexing;

public class PostingsTests
{
    [Fact]
    public void Packed_postings_give_back_every_frequency_and_position_including_multi_byte_ones()
    {
        var random = new Random(3);
        var docs = new List<int>();
        var positions = new List<IReadOnlyList<int>>();
        var doc = 0;
        for (var i = 0; i < 500; i++)
        {
            doc += 1 + random.Next(1_000);
            docs.Add(doc);
            // Gaps from 0 (a first position at 0) to past two varint bytes.
            var scale = random.Next(3) switch { 0 => 10, 1 => 300, _ => 40_000 };
            var list = new List<int>();
            var position = random.Next(scale);
            for (var n = random.Next(1, 20); n > 0; n--)
            {
                list.Add(position);
                position += 1 + random.Next(scale);
            }
            positions.Add(list);
        }

        var postings = Postings.FromPlain(docs, positions);

        Assert.Equal(docs, postings.Docs);
        var buffer = new int[1];
        for (var i = 0; i < docs.Count; i++)
        {
            Assert.Equal(positions[i].Count, postings.FreqAt(i));
            var count = postings.PositionsAt(i, ref buffer);
            Assert.Equal(positions[i], buffer.Take(count));
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(127, 1)]
    [InlineData(128, 2)]
    [InlineData(16_383, 2)]
    [InlineData(16_384, 3)]
    [InlineData(int.MaxValue, 5)]
    public void Varint_round_trips_and_takes_seven_bits_a_byte(int value, int bytes)
    {
        var data = new byte[VarInt.MaxBytes];
        Assert.Equal(bytes, VarInt.Write(data, 0, value));
        Assert.Equal(bytes, VarInt.Length(value));
        var offset = 0;
        Assert.Equal(value, VarInt.Read(data, ref offset));
        Assert.Equal(bytes, offset);
    }
}
