using Paperboy.Search.Storage;
using Paperboy.Semantic.Vectors.Quantization;
using Paperboy.Semantic.Vectors.Storage;

namespace Paperboy.Semantic.Tests.Vectors;

public sealed class KernelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(32)]
    [InlineData(100)]
    [InlineData(384)]
    [InlineData(1001)]
    public void Int8_dot_product_equals_the_plain_loop_at_every_length(int length)
    {
        var random = new Random(length);
        for (var trial = 0; trial < 50; trial++)
        {
            var a = new sbyte[length];
            var b = new sbyte[length];
            for (var i = 0; i < length; i++)
            {
                // Extremes included: the kernel's pair sums must not overflow at +-127.
                (a[i], b[i]) = trial == 0 ? ((sbyte)-127, (sbyte)-127) : ((sbyte)random.Next(-127, 128), (sbyte)random.Next(-127, 128));
            }
            Assert.Equal(Int8Dot.Reference(a, b), Int8Dot.Dot(a, b));
        }
    }

    [Fact]
    public void Quantized_dot_product_approximates_the_float_one_on_unit_vectors()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 200; trial++)
        {
            var x = TestVectors.RandomUnit(random, 384);
            var y = TestVectors.RandomUnit(random, 384);
            var (cx, cy) = (new sbyte[384], new sbyte[384]);
            var sx = Int8Quantizer.Quantize(x, cx);
            var sy = Int8Quantizer.Quantize(y, cy);
            var approximate = Int8Dot.Dot(cx, cy) * sx * sy;
            var exact = x.Zip(y).Sum(p => p.First * p.Second);
            Assert.InRange(approximate - exact, -0.01f, 0.01f);
        }
    }

    [Fact]
    public void Quantizing_zero_gives_zero_codes_and_scale()
    {
        var codes = new sbyte[8];
        Assert.Equal(0f, Int8Quantizer.Quantize(new float[8], codes));
        Assert.All(codes, c => Assert.Equal(0, c));
    }

    [Fact]
    public void Crc32C_hardware_path_equals_the_table_and_the_RFC_3720_check_value()
    {
        // RFC 3720 B.4: 32 bytes of zeros give 0x8A9136AA.
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
        var random = new Random(5);
        for (var length = 0; length < 300; length += 7)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            Assert.Equal(Crc32C.ComputeWithTable(bytes), Crc32C.Compute(bytes));
        }
    }
}
