namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// The top principal directions of a set of sentence vectors (uncentred, as SIF uses them: the first
/// right singular vectors of the matrix of sentence vectors), by power iteration on the
/// dimensions x dimensions Gram matrix, deflated after each direction. No LAPACK: the matrix is
/// 100 x 100, and the top directions of word-vector averages stand well apart, so a few dozen
/// iterations each converge.
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

    /// <summary>
    /// Up to <paramref name="count"/> unit directions, largest first, each with its sign fixed so its
    /// largest component is positive; fewer when the vectors span fewer dimensions, none if nothing was added.
    /// </summary>
    public float[][] Top(int count)
    {
        var directions = new List<float[]>(count);
        if (Samples == 0)
        {
            return [];
        }
        var gram = (double[])_gram.Clone();
        var found = new List<double[]>(count);
        for (var c = 0; c < count; c++)
        {
            // The first starts from the mean: for word-vector averages it is nearly the answer already.
            // Later ones start from a fixed vector that no earlier direction annihilates in practice.
            var start = c == 0 ? (double[])_sum.Clone() : Enumerable.Range(0, _dimensions).Select(i => 1.0 + (i % 7) * 0.1).ToArray();
            var direction = PowerIteration(gram, start);
            if (direction is null)
            {
                break;
            }
            // Power iteration leaves a trace of earlier directions; Gram-Schmidt makes the set exactly
            // orthonormal, so removing them one after another removes their span.
            foreach (var earlier in found)
            {
                double overlap = 0;
                for (var i = 0; i < _dimensions; i++)
                {
                    overlap += direction[i] * earlier[i];
                }
                for (var i = 0; i < _dimensions; i++)
                {
                    direction[i] -= overlap * earlier[i];
                }
            }
            if (Normalize(direction) == 0)
            {
                break;
            }
            found.Add(direction);
            directions.Add(Array.ConvertAll(direction, v => (float)v));
            Deflate(gram, direction);
        }
        return [.. directions];
    }

    private double[]? PowerIteration(double[] gram, double[] current)
    {
        if (Normalize(current) == 0)
        {
            current[0] = 1;
        }
        var next = new double[_dimensions];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Multiply(gram, current, next);
            // A direction with (almost) no variance left: the vectors span fewer dimensions than asked.
            if (Normalize(next) < 1e-9 * Samples)
            {
                return null;
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
        var result = new double[_dimensions];
        for (var i = 0; i < _dimensions; i++)
        {
            result[i] = sign * current[i];
        }
        return result;
    }

    /// <summary>G -= lambda v v^T with lambda = v^T G v: the direction's variance is taken out, the rest stays.</summary>
    private void Deflate(double[] gram, double[] direction)
    {
        var gv = new double[_dimensions];
        Multiply(gram, direction, gv);
        double lambda = 0;
        for (var i = 0; i < _dimensions; i++)
        {
            lambda += direction[i] * gv[i];
        }
        for (var i = 0; i < _dimensions; i++)
        {
            for (var j = 0; j < _dimensions; j++)
            {
                gram[i * _dimensions + j] -= lambda * direction[i] * direction[j];
            }
        }
    }

    private void Multiply(double[] gram, double[] vector, double[] result)
    {
        for (var i = 0; i < _dimensions; i++)
        {
            var row = gram.AsSpan(i * _dimensions, _dimensions);
            double value = 0;
            for (var j = 0; j < _dimensions; j++)
            {
                value += row[j] * vector[j];
            }
            result[i] = value;
        }
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
