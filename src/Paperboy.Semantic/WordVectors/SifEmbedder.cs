using System.Numerics.Tensors;
using Paperboy.Semantic.Embedding;

namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// Sentence embeddings by SIF (Arora, Liang and Ma 2017): the a / (a + p(w))-weighted sum of a text's word
/// vectors, minus its projections on the corpus' common components, L2-normalised. Queries and papers are
/// embedded the same way, so both lose the same directions and stay comparable. The sum is not divided
/// by the word count as the paper's average is: projection removal and normalisation make the result
/// the same, and the division would cost a pass.
/// <para>
/// A text with no word in the vocabulary (empty, or all symbols) gets the zero vector, not a unit one: it
/// has no semantic signal, and a zero vector scores 0 against every query instead of pretending to a
/// direction. Callers that need to know test <see cref="IsZero"/>.
/// </para>
/// </summary>
public sealed class SifEmbedder : IEmbedder
{
    private readonly SifAccumulator _accumulator;
    private readonly float[][] _components;

    public SifEmbedder(WordVectorTable table, SifModel model)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(model);
        if (model.VectorsChecksum != table.Checksum)
        {
            throw new ArgumentException("SIF: the model was fitted with other word vectors; fit it again", nameof(model));
        }
        _accumulator = new SifAccumulator(table, model.Weights(table.Count));
        _components = [.. model.Components];
        Model = new EmbeddingModel(
            $"sif:{table.Name}:{table.Checksum[..8]}-{model.Fingerprint}",
            table.Dimensions,
            $"SIF (a = {model.A:G3}, prior {model.PriorWords:G3} words, {model.Components.Count} components removed, fitted on {model.TotalCount:N0} words) over {table.Name} word vectors, {table.Count:N0} words x {table.Dimensions}");
    }

    public EmbeddingModel Model { get; }

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[texts.Count][];
        for (var i = 0; i < vectors.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            vectors[i] = new float[Model.Dimensions];
            Embed(texts[i], vectors[i]);
        }
        return vectors;
    }

    /// <summary>Writes the embedding of <paramref name="text"/> into <paramref name="destination"/>; returns the number of known words (0 means a zero vector).</summary>
    public int Embed(ReadOnlySpan<char> text, Span<float> destination)
    {
        destination = destination[..Model.Dimensions];
        destination.Clear();
        var words = _accumulator.Accumulate(text, destination);
        if (words == 0)
        {
            return 0;
        }
        // The components are orthonormal, so removing them one after another removes their span.
        foreach (var component in _components)
        {
            var projection = TensorPrimitives.Dot(destination, component);
            TensorPrimitives.MultiplyAdd(component, -projection, destination, destination);
        }
        var norm = TensorPrimitives.Norm(destination);
        if (!(norm > 1e-20f))
        {
            destination.Clear(); // the text was all common component: nothing left to compare
            return 0;
        }
        TensorPrimitives.Divide(destination, norm, destination);
        return words;
    }

    public static bool IsZero(ReadOnlySpan<float> vector) => vector.IndexOfAnyExcept(0f) < 0;
}
