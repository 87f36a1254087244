using System.Numerics.Tensors;
using Paperboy.Semantic.WordVectors;

namespace Paperboy.Bench;

/// <summary>
/// The peer of the word-vector benchmark: the plain unweighted average of a text's word vectors,
/// normalised, with the same tokenizer and table lookups as SIF. The ratio against it is what SIF's
/// weights and common-component removal cost on top of the lookups every bag-of-vectors embedder pays.
/// </summary>
internal sealed class AveragingPeer(WordVectorTable table)
{
    public int Embed(ReadOnlySpan<char> text, Span<float> destination)
    {
        destination = destination[..table.Dimensions];
        destination.Clear();
        Span<char> buffer = stackalloc char[TextTokens.MaxLength];
        Span<int> rows = stackalloc int[WordResolver.MaxParts];
        var tokens = new TextTokens(text, buffer);
        var words = 0;
        while (tokens.MoveNext(out var token))
        {
            var found = WordResolver.Resolve(table, token, rows);
            for (var r = 0; r < found; r++)
            {
                var scale = table.Scale(rows[r]);
                var vector = table.Quantized(rows[r]);
                for (var d = 0; d < destination.Length; d++)
                {
                    destination[d] += scale * vector[d];
                }
            }
            words += found;
        }
        var norm = TensorPrimitives.Norm(destination);
        if (norm > 0)
        {
            TensorPrimitives.Divide(destination, norm, destination);
        }
        return words;
    }
}
