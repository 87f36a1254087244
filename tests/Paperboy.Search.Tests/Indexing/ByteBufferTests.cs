using Paperboy.Search.Indexing;

namespace Paperboy.Search.Tests.Indexing;

public class ByteBufferTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Bytes_appended_past_the_first_capacity_are_all_kept_in_order(bool pooled)
    {
        var buffer = new ByteBuffer(16, pooled);
        var expected = new List<byte>();
        var random = new Random(3);
        for (var i = 0; i < 5_000; i++)
        {
            var chunk = new byte[random.Next(0, 40)];
            random.NextBytes(chunk);
            buffer.Write(chunk);
            expected.AddRange(chunk);
        }

        Assert.Equal(expected, buffer.ToArray());
        Assert.Equal(expected.Count, buffer.Length);
    }

    [Fact]
    public void A_released_pooled_buffer_is_empty()
    {
        var buffer = new ByteBuffer(1 << 20, pooled: true);
        buffer.Write([1, 2, 3]);

        buffer.Release();

        Assert.Equal(0, buffer.Length);
        Assert.Empty(buffer.ToArray());
    }
}
