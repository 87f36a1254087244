using Paperboy.Semantic.Tests.Transformer.TestModel;
using Paperboy.Semantic.Transformer;

namespace Paperboy.Semantic.Tests.Transformer.Model;

/// <summary>The same model stored differently gives (nearly) the same vectors; a broken one says what is wrong.</summary>
public sealed class WeightFormatsTests : IDisposable
{
    private static readonly string[] Texts =
    [
        "Graph neural networks for molecule property prediction.",
        "We study the convergence of stochastic gradient descent on non-convex objectives, with a new bound.",
        "Dark matter halos",
    ];

    private readonly ModelFolder _folder = new();
    private readonly RandomBert _model = new RandomBert().Build();

    [Theory]
    [InlineData("F16", 0.9999)]
    [InlineData("BF16", 0.999)]
    public void Half_precision_files_give_vectors_close_to_float32(string dtype, double minimumCosine)
    {
        var full = TransformerEmbedder.Load(_model.WriteFolder(_folder.Sub("f32")), new TransformerOptions()).Embed(Texts);
        var half = TransformerEmbedder.Load(_model.WriteFolder(_folder.Sub(dtype), dtype: dtype), new TransformerOptions()).Embed(Texts);

        for (var i = 0; i < Texts.Length; i++)
            Assert.InRange(Cosine(full[i], half[i]), minimumCosine, 1.0 + 1e-6);
    }

    [Fact]
    public void Int8_weights_stay_within_cosine_0_99_of_float32()
    {
        var folder = _model.WriteFolder(_folder.Path);
        var full = TransformerEmbedder.Load(folder, new TransformerOptions()).Embed(Texts);
        var int8 = TransformerEmbedder.Load(folder, new TransformerOptions { Int8Weights = true }).Embed(Texts);

        for (var i = 0; i < Texts.Length; i++)
        {
            var cosine = Cosine(full[i], int8[i]);
            Assert.InRange(cosine, 0.99, 1.0 + 1e-6);
            // Not identical either: the option really changes the arithmetic.
            Assert.NotEqual(full[i], int8[i]);
        }
    }

    [Theory]
    [InlineData("bert.")]
    [InlineData("model.")]
    public void Prefixed_tensor_names_load_like_plain_ones(string prefix)
    {
        var plain = TransformerEmbedder.Load(_model.WriteFolder(_folder.Sub("plain")), new TransformerOptions()).Embed(Texts);
        var prefixed = TransformerEmbedder.Load(_model.WriteFolder(_folder.Sub("prefixed"), prefix: prefix), new TransformerOptions()).Embed(Texts);

        Assert.Equal(plain, prefixed);
    }

    [Fact]
    public void Old_gamma_and_beta_layer_norm_names_load()
    {
        var plain = TransformerEmbedder.Load(_model.WriteFolder(_folder.Sub("plain")), new TransformerOptions()).Embed(Texts);
        var renamed = new RandomBert().Build();
        foreach (var name in renamed.Tensors.Keys.Where(n => n.Contains("LayerNorm", StringComparison.Ordinal)).ToArray())
        {
            var tensor = renamed.Tensors[name];
            renamed.Tensors.Remove(name);
            renamed.Tensors[name.Replace(".weight", ".gamma", StringComparison.Ordinal).Replace(".bias", ".beta", StringComparison.Ordinal)] = tensor;
        }

        var old = TransformerEmbedder.Load(renamed.WriteFolder(_folder.Sub("old")), new TransformerOptions()).Embed(Texts);

        Assert.Equal(plain, old);
    }

    [Fact]
    public void A_weight_whose_shape_disagrees_with_config_json_is_named()
    {
        _model.Tensors["encoder.layer.1.intermediate.dense.weight"] = new TestTensor([32, 64], new float[32 * 64]);
        var folder = _model.WriteFolder(_folder.Path);

        var error = Assert.Throws<InvalidDataException>(() => TransformerEmbedder.Load(folder, new TransformerOptions()));

        Assert.Contains("tensor 'encoder.layer.1.intermediate.dense.weight' has shape [32, 64], config.json implies [64, 32]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_weight_is_named()
    {
        _model.Tensors.Remove("encoder.layer.0.attention.self.key.bias");
        var folder = _model.WriteFolder(_folder.Path);

        var error = Assert.Throws<InvalidDataException>(() => TransformerEmbedder.Load(folder, new TransformerOptions()));

        Assert.Contains("no tensor named 'encoder.layer.0.attention.self.key.bias'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_id_names_the_folder_and_changes_with_settings_that_change_vectors()
    {
        var folder = _model.WriteFolder(_folder.Sub("tiny-bert"));

        var first = TransformerEmbedder.Load(folder, new TransformerOptions()).Model;
        var again = TransformerEmbedder.Load(folder, new TransformerOptions { BatchSize = 5, MaxDegreeOfParallelism = 1 }).Model;
        var int8 = TransformerEmbedder.Load(folder, new TransformerOptions { Int8Weights = true }).Model;
        var shorter = TransformerEmbedder.Load(folder, new TransformerOptions { MaxTokens = 16 }).Model;

        Assert.Matches("^bert:tiny-bert:[0-9a-f]{12}$", first.Id);
        Assert.Equal(32, first.Dimensions);
        Assert.Equal(first, again);
        Assert.NotEqual(first.Id, int8.Id);
        Assert.NotEqual(first.Id, shorter.Id);
    }

    [Fact]
    public void Different_weights_of_the_same_shape_get_different_ids()
    {
        var one = TransformerEmbedder.Load(_model.WriteFolder(_folder.Sub("m")), new TransformerOptions()).Model;
        var other = TransformerEmbedder.Load(new RandomBert { Seed = 99 }.Build().WriteFolder(_folder.Sub("m")), new TransformerOptions()).Model;

        Assert.NotEqual(one.Id, other.Id);
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }

    public void Dispose() => _folder.Dispose();
}
