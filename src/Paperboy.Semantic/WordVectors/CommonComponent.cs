namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// The first principal direction of a set of sentence vectors (uncentred, as SIF uses it: the first
/// right singular vector of the matrix of sentence vectors), by power iteration on the
/// dimensions x dimensions Gram matrix. No LAPACK: the matrix is 100 x 100, and the top direction of
/// word-vector averages dominates the rest, so a few dozen iterations converge.
/// </summary>
internal sealed class CommonComponent
{
    private const int MaxIterations = 500;
    private const double Tolerance = 1e-10;

    private readonly int _dimensions;
    private readonly double[] _gram;
    private readonly double[] _sum;

    public CommonComponent(int dimensions)
    {
        _dimensions = dimensions;
        _gram = new double[dimensions * dimensions];
        _sum = new double[dimensions];
    }

    public int Samples { get; private set; }

    public void Add(ReadOnlySpan<float> vector)
    {
        for (var i = 0; i < _dimensions; i++)
        {
            var vi = (double)vector[i];
            _sum[i] += vi;
            var row = _gram.AsSpan(i * _dimensions, _dimensions);
            for (var j = 0; j < _dimensions; j++)
            {
                row[j] += vi * vector[j];
            }
        }
        Samples++;
    }

    /// <summary>The unit top direction, its sign fixed so the largest component is positive; zero if nothing was added.</summary>
    public float[] Compute()
    {
        var result = new float[_dimensions];
        if (Samples == 0)
        {
            return result;
        }
        // Start from the mean: for word-vector averages it is nearly the answer already.
        var current = (double[])_sum.Clone();
        if (Normalize(current) == 0)
        {
            current[0] = 1;
        }
        var next = new double[_dimensions];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            for (var i = 0; i < _dimensions; i++)
            {
                var row = _gram.AsSpan(i * _dimensions, _dimensions);
                double value = 0;
                for (var j = 0; j < _dimensions; j++)
                {
                    value += row[j] * current[j];
                }
                next[i] = value;
            }
            if (Normalize(next) == 0)
            {
                return result;
            }
            double change = 0;
            for (var i = 0; i < _dimensions; i++)
            {
                change += (next[i] - current[i]) * (next[i] - current[i]);
            }
            (current, next) = (next, current);
            if (change < Tolerance)
            {
                break;
            }
        }
        var largest = 0;
        for (var i = 1; i < _dimensions; i++)
        {
            if (Math.Abs(current[i]) > Math.Abs(current[largest]))
            {
                largest = i;
            }
        }
        var sign = current[largest] < 0 ? -1 : 1;
        for (var i = 0; i < _dimensions; i++)
        {
            result[i] = (float)(sign * current[i]);
        }
        return result;
    }

    private static double Normalize(double[] vector)
    {
        double norm = 0;
        foreach (var v in vector)
        {
            norm += v * v;
        }
        norm = Math.Sqrt(norm);
        if (norm == 0)
        {
            return 0;
        }
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] /= norm;
        }
        return norm;
    }
}
