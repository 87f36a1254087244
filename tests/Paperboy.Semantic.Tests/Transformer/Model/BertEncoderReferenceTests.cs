using Paperboy.Semantic.Tests.Transformer.Reference;
using Paperboy.Semantic.Tests.Transformer.TestModel;
using Paperboy.Semantic.Transformer;
using Paperboy.Semantic.Transformer.Tokenization;

namespace Paperboy.Semantic.Tests.Transformer.Model;

/// <summary>
/// The vectorized, parallel, packed-batch encoder against the plain double-precision reference, on a
/// small random BERT written as a real model folder.
/// </summary>
public sealed class BertEncoderReferenceTests : IDisposable
{
    private const double Tolerance = 1e-4;

    private static readonly string[] Texts =
    [
        "What is Deep Learning?",
        "Transformers replace recurrence with attention; the encoder reads all tokens at once.",
        "a",
        "",
        "Héllo wörld, UNwantéd running 生活 x²",
    ];

    private readonly ModelFolder _folder = new();
    private readonly RandomBert _model = new RandomBert().Build();

    [Fact]
    public void Hidden_states_match_the_reference_to_1e_4()
    {
        var embedder = TransformerEmbedder.Load(_model.WriteFolder(_folder.Path), new TransformerOptions());
        var tokens = Texts.Select(t => embedder.Tokenizer.Encode(t)).ToArray();

        var hidden = embedder.Encoder.Forward(tokens, new ParallelOptions());
        var expected = ReferenceOnPaddedBatch(tokens);

        var row = 0;
        for (var text = 0; text < tokens.Length; text++)
        {
            for (var position = 0; position < tokens[text].Length; position++, row++)
            {
                for (var f = 0; f < _model.Hidden; f++)
                    Assert.Equal(expected[text][position][f], hidden[row * _model.Hidden + f], Tolerance);
            }
        }
        Assert.Equal(row * _model.Hidden, hidden.Length);
    }

    [Fact]
    public void Mean_pooled_unit_vectors_match_the_reference()
    {
        var embedder = TransformerEmbedder.Load(_model.WriteFolder(_folder.Path, pooling: "mean"), new TransformerOptions());
        var tokens = Texts.Select(t => embedder.Tokenizer.Encode(t)).ToArray();

        var vectors = embedder.Embed(Texts);
        var expected = ReferenceOnPaddedBatch(tokens);

        Assert.Equal(PoolingMode.Mean, embedder.Pooling);
        for (var text = 0; text < Texts.Length; text++)
        {
            // The padded batch's mask: the reference's mean must skip the padding rows.
            var mask = Enumerable.Range(0, expected[text].Length).Select(p => p < tokens[text].Length ? 1 : 0).ToArray();
            AssertClose(ReferenceBert.Normalized(ReferenceBert.MeanPool(expected[text], mask)), vectors[text]);
            Assert.Equal(1.0, Math.Sqrt(vectors[text].Sum(v => (double)v * v)), 1e-5);
        }
    }

    [Fact]
    public void Cls_pooling_from_the_pooling_config_takes_the_first_token()
    {
        var embedder = TransformerEmbedder.Load(_model.WriteFolder(_folder.Path, pooling: "cls"), new TransformerOptions());
        var tokens = Texts.Select(t => embedder.Tokenizer.Encode(t)).ToArray();

        var vectors = embedder.Embed(Texts);
        var expected = ReferenceOnPaddedBatch(tokens);

        Assert.Equal(PoolingMode.Cls, embedder.Pooling);
        for (var text = 0; text < Texts.Length; text++)
            AssertClose(ReferenceBert.Normalized(expected[text][0]), vectors[text]);
    }

    [Fact]
    public void Pooling_given_in_options_overrides_the_folder_and_unnormalized_vectors_keep_their_length()
    {
        var embedder = TransformerEmbedder.Load(_model.WriteFolder(_folder.Path, pooling: "mean"),
            new TransformerOptions { Pooling = PoolingMode.Cls, Normalize = false });
        var tokens = embedder.Tokenizer.Encode(Texts[1]);

        var vector = embedder.Embed([Texts[1]])[0];

        AssertClose(ReferenceOnPaddedBatch([tokens])[0][0], vector);
    }

    [Fact]
    public void A_folder_without_pooling_config_mean_pools()
    {
        var embedder = TransformerEmbedder.Load(_model.WriteFolder(_folder.Path, pooling: null), new TransformerOptions());

        Assert.Equal(PoolingMode.Mean, embedder.Pooling);
        Assert.Equal(Math.Min(512, _model.MaxPositions), embedder.MaxTokens);
    }

    [Fact]
    public void Padding_in_a_batch_does_not_change_a_texts_vector()
    {
        var embedder = TransformerEmbedder.Load(_model.WriteFolder(_folder.Path), new TransformerOptions { BatchSize = 3 });

        var together = embedder.Embed(Texts);
        var alone = Texts.Select(t => embedder.Embed([t])[0]).ToArray();

        for (var text = 0; text < Texts.Length; text++)
            Assert.Equal(alone[text], together[text]);
    }

    [Fact]
    public void Long_texts_are_cut_to_max_tokens()
    {
        var embedder = TransformerEmbedder.Load(_model.WriteFolder(_folder.Path), new TransformerOptions { MaxTokens = 8 });
        var longText = string.Join(' ', Enumerable.Repeat("attention is all you need", 20));
        var tokens = embedder.Tokenizer.Encode(longText, maxTokens: 8);

        var vector = embedder.Embed([longText])[0];

        Assert.Equal(8, tokens.Length);
        var mask = Enumerable.Repeat(1, 8).ToArray();
        AssertClose(ReferenceBert.Normalized(ReferenceBert.MeanPool(ReferenceOnPaddedBatch([tokens])[0], mask)), vector);
    }

    [Fact]
    public void The_tanh_gelu_of_gelu_new_models_matches_the_reference()
    {
        var model = new RandomBert { Activation = "gelu_new", Seed = 11 }.Build();
        var embedder = TransformerEmbedder.Load(model.WriteFolder(_folder.Path), new TransformerOptions());
        var tokens = embedder.Tokenizer.Encode(Texts[1]);

        var hidden = embedder.Encoder.Forward([tokens], new ParallelOptions());
        var expected = new ReferenceBert(model).Forward([tokens.Ids], [tokens.TypeIds], [tokens.AttentionMask])[0];

        for (var position = 0; position < tokens.Length; position++)
        {
            for (var f = 0; f < model.Hidden; f++)
                Assert.Equal(expected[position][f], hidden[position * model.Hidden + f], Tolerance);
        }
    }

    [Fact]
    public void Text_pairs_use_their_segment_embeddings()
    {
        var embedder = TransformerEmbedder.Load(_model.WriteFolder(_folder.Path), new TransformerOptions());
        var pair = embedder.Tokenizer.Encode("what is attention", "attention weighs tokens");

        var hidden = embedder.Encoder.Forward([pair], new ParallelOptions());
        var expected = ReferenceOnPaddedBatch([pair])[0];

        Assert.Contains(1, pair.TypeIds);
        for (var f = 0; f < _model.Hidden; f++)
            Assert.Equal(expected[^1][f], hidden[(pair.Length - 1) * _model.Hidden + f], Tolerance);
    }

    /// <summary>The reference runs the texts as one zero-padded batch with a mask, as PyTorch would.</summary>
    private double[][][] ReferenceOnPaddedBatch(TokenizedText[] tokens)
    {
        var width = tokens.Max(t => t.Length);
        int[] Padded(int[] values, int fill) => values.Concat(Enumerable.Repeat(fill, width - values.Length)).ToArray();
        return new ReferenceBert(_model).Forward(
            tokens.Select(t => Padded(t.Ids, 0)).ToArray(),
            tokens.Select(t => Padded(t.TypeIds, 0)).ToArray(),
            tokens.Select(t => Padded(t.AttentionMask, 0)).ToArray());
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], Tolerance);
    }

    public void Dispose() => _folder.Dispose();
}
