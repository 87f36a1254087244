using Paperboy.Search.Indexing;

namespace Paperboy.Search.Tests.Indexing;

public class VarIntTests
{
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

    [Fact]
    public void Unsigned_varint_round_trips_values_above_int_max()
    {
        var buffer = new ByteBuffer();
        buffer.WriteVarInt(uint.MaxValue);
        buffer.WriteVarInt(0x8000_0000);
        var offset = 0;
        Assert.Equal(uint.MaxValue, VarInt.ReadUInt(buffer.WrittenSpan, ref offset));
        Assert.Equal(0x8000_0000u, VarInt.ReadUInt(buffer.WrittenSpan, ref offset));
        Assert.Equal(10, offset);
    }

    // The boundaries of SQLite4's varint: https://sqlite.org/src4/doc/trunk/www/varint.wiki
    [Theory]
    [InlineData(0u, new byte[] { 0 })]
    [InlineData(240u, new byte[] { 240 })]
    [InlineData(241u, new byte[] { 241, 1 })]
    [InlineData(2287u, new byte[] { 248, 255 })]
    [InlineData(2288u, new byte[] { 249, 0, 0 })]
    [InlineData(67823u, new byte[] { 249, 255, 255 })]
    [InlineData(67824u, new byte[] { 250, 1, 8, 240 })]
    [InlineData(16_777_215u, new byte[] { 250, 255, 255, 255 })]
    [InlineData(16_777_216u, new byte[] { 251, 1, 0, 0, 0 })]
    [InlineData(uint.MaxValue, new byte[] { 251, 255, 255, 255, 255 })]
    public void Prefix_varint_writes_sqlite4_bytes_and_reads_them_back(uint value, byte[] bytes)
    {
        var written = new byte[PrefixVarInt.MaxBytes];
        Assert.Equal(bytes.Length, PrefixVarInt.Write(written, 0, value));
        Assert.Equal(bytes, written[..bytes.Length]);
        Assert.Equal(bytes.Length, PrefixVarInt.Length(value));
        Assert.Equal(bytes.Length, PrefixVarInt.LengthOf(bytes[0]));
        var offset = 0;
        Assert.Equal(value, PrefixVarInt.Read(bytes, ref offset));
        Assert.Equal(bytes.Length, offset);
    }

    [Fact]
    public void Prefix_varint_skips_runs_of_values_of_every_length()
    {
        var random = new Random(2);
        var values = Enumerable.Range(0, 2_000).Select(_ => (uint)random.NextInt64(0, 1L << random.Next(1, 33))).ToArray();
        var bytes = new List<byte>();
        var ends = new List<int>();
        foreach (var value in values)
        {
            PrefixVarInt.Write(bytes, value);
            ends.Add(bytes.Count);
        }
        var data = bytes.ToArray();
        var offset = 0;
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], PrefixVarInt.Read(data, ref offset));
            Assert.Equal(ends[i], offset);
        }
        Assert.Equal(ends[999], PrefixVarInt.Skip(data, 0, 1_000));
        Assert.Equal(data.Length, PrefixVarInt.Skip(data, ends[999], 1_000));
    }
}
