namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// The inner loop of SIF: tokenize, look up, and add each known word's vector times its weight into a
/// sum. The weight and the row's int8 scale are folded into one factor per row up front, so a word costs
/// one multiply-add per dimension. Shared by the fit (for the common component) and the embedder.
/// </summary>
internal sealed class SifAccumulator
{
    private readonly WordVectorTable _table;
    private readonly float[] _factors;

    public SifAccumulator(WordVectorTable table, ReadOnlySpan<float> weights)
    {
        _table = table;
        _factors = new float[table.Count];
        for (var i = 0; i < _factors.Length; i++)
        {
            _factors[i] = weights[i] * table.Scale(i);
        }
    }

    /// <summary>Adds the weighted vectors of <paramref name="text"/>'s known words into <paramref name="sum"/>; returns how many there were.</summary>
    public int Accumulate(ReadOnlySpan<char> text, Span<float> sum)
    {
        var dimensions = _table.Dimensions;
        sum = sum[..dimensions];
        Span<char> buffer = stackalloc char[TextTokens.MaxLength];
        Span<int> rows = stackalloc int[WordResolver.MaxParts];
        var tokens = new TextTokens(text, buffer);
        var words = 0;
        while (tokens.MoveNext(out var token))
        {
            var found = WordResolver.Resolve(_table, token, rows);
            for (var r = 0; r < found; r++)
            {
                var factor = _factors[rows[r]];
                var vector = _table.Quantized(rows[r]);
                for (var d = 0; d < sum.Length; d++)
                {
                    sum[d] += factor * vector[d];
                }
            }
            words += found;
        }
        return words;
    }
}
