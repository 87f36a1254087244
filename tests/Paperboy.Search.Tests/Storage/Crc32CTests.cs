using System.Text;
using Paperboy.Search.Storage;

namespace Paperboy.Search.Tests.Storage;

public sealed class Crc32CTests
{
    [Fact]
    public void Crc_of_the_standard_check_string_is_the_published_check_value()
    {
        // The CRC catalogue's check value for CRC-32C (iSCSI): the CRC of "123456789".
        Assert.Equal(0xE3069283u, Crc32C.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0xE3069283u, Crc32C.ComputeWithTable(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Fast_path_equals_the_table_for_every_length_and_split()
    {
        var random = new Random(7);
        var data = new byte[300];
        random.NextBytes(data);
        for (var length = 0; length <= data.Length; length += 7)
        {
            var expected = Crc32C.ComputeWithTable(data.AsSpan(0, length));
            Assert.Equal(expected, Crc32C.Compute(data.AsSpan(0, length)));
            var split = length / 3;
            var crc = new Crc32C();
            crc.Append(data.AsSpan(0, split));
            crc.Append(data.AsSpan(split, length - split));
            Assert.Equal(expected, crc.Value);
        }
    }

    [Fact]
    public void One_flipped_bit_changes_the_crc()
    {
        var data = Encoding.UTF8.GetBytes("a segment of the search index");
        var before = Crc32C.Compute(data);
        data[5] ^= 0x10;
        Assert.NotEqual(before, Crc32C.Compute(data));
    }
}
