namespace Paperboy.Ingest.Synthetic;

/// <summary>
/// Draws ranks 0..n-1 with Zipf-Mandelbrot probabilities, p(r) proportional to 1 / (r + q), the shape
/// of word frequencies in natural text (Mandelbrot 1953; q = 2.7 is the usual fit for English).
/// The exponent is fixed at 1 so the table needs only division, which IEEE 754 makes exact
/// everywhere: the same seed gives the same draws on every machine.
/// </summary>
internal sealed class ZipfSampler
{
    private const double Offset = 2.7;
    private readonly double[] _cumulative;

    public ZipfSampler(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _cumulative = new double[count];
        var total = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            total += 1.0 / (rank + Offset);
            _cumulative[rank] = total;
        }
    }

    public int Count => _cumulative.Length;

    public int Sample(SyntheticRandom random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var index = Array.BinarySearch(_cumulative, target);
        return Math.Min(index >= 0 ? index + 1 : ~index, _cumulative.Length - 1);
    }
}
