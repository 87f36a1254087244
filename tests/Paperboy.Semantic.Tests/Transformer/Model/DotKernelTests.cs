using Paperboy.Semantic.Transformer.Model;

namespace Paperboy.Semantic.Tests.Transformer.Model;

/// <summary>The register-blocked kernel against a plain double loop, on every remainder shape.</summary>
public sealed class DotKernelTests
{
    [Theory]
    [InlineData(4, 384)]
    [InlineData(16, 32)]
    [InlineData(7, 13)]
    [InlineData(3, 8)]
    [InlineData(9, 1537)]
    public void Every_dot_equals_a_plain_loop(int count, int n)
    {
        var random = new Random(count * 1000 + n);
        float[] Random(int length) => Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var (rows, w0, w1) = (Random(count * n), Random(n), Random(n));
        var results = new float[2 * count];

        DotKernel.TwoWeightRows(rows, count, n, w0, w1, results);

        for (var k = 0; k < count; k++)
        {
            double a = 0, b = 0;
            for (var i = 0; i < n; i++)
            {
                a += (double)rows[k * n + i] * w0[i];
                b += (double)rows[k * n + i] * w1[i];
            }
            Assert.Equal(a, results[2 * k], 1e-4);
            Assert.Equal(b, results[2 * k + 1], 1e-4);
        }
    }

    [Fact]
    public void A_single_weight_row_writes_only_the_even_results()
    {
        float[] rows = [1, 2, 3, 4, 5, 6];
        var results = new float[] { -1, -1, -1, -1 };

        DotKernel.TwoWeightRows(rows, 2, 3, [1, 1, 1], default, results);

        Assert.Equal([6f, -1f, 15f, -1f], results);
    }
}
