using System.Globalization;
using System.Text.Json;

namespace Paperboy.Semantic.Tests.Transformer.TestModel;

/// <summary>
/// A small BERT with random weights, written as a real model folder (config.json, model.safetensors,
/// vocab.txt, 1_Pooling/config.json, modules.json). Weights are large enough that attention is far
/// from uniform and every layer matters.
/// </summary>
internal sealed class RandomBert
{
    public int Hidden { get; init; } = 32;
    public int Layers { get; init; } = 2;
    public int Heads { get; init; } = 4;
    public int Intermediate { get; init; } = 64;
    public int MaxPositions { get; init; } = 64;
    public int TypeVocabulary { get; init; } = 2;
    public string Activation { get; init; } = "gelu";
    public int Seed { get; init; } = 7;

    /// <summary>The vocabulary is the fixture's bert-base-uncased vocab.txt.</summary>
    public int Vocabulary => 30522;

    public Dictionary<string, TestTensor> Tensors { get; } = new(StringComparer.Ordinal);

    public RandomBert Build()
    {
        var random = new Random(Seed);
        var h = Hidden;
        Add(random, "embeddings.word_embeddings.weight", 1f, Vocabulary, h);
        Add(random, "embeddings.position_embeddings.weight", 1f, MaxPositions, h);
        Add(random, "embeddings.token_type_embeddings.weight", 1f, TypeVocabulary, h);
        AddNorm(random, "embeddings.LayerNorm");
        for (var i = 0; i < Layers; i++)
        {
            var p = $"encoder.layer.{i}";
            AddDense(random, $"{p}.attention.self.query", h, h, 2f);
            AddDense(random, $"{p}.attention.self.key", h, h, 2f);
            AddDense(random, $"{p}.attention.self.value", h, h, 1f);
            AddDense(random, $"{p}.attention.output.dense", h, h, 1f);
            AddNorm(random, $"{p}.attention.output.LayerNorm");
            AddDense(random, $"{p}.intermediate.dense", Intermediate, h, 1.5f);
            AddDense(random, $"{p}.output.dense", h, Intermediate, 1f);
            AddNorm(random, $"{p}.output.LayerNorm");
        }
        return this;
    }

    public float[] Values(string name) => Tensors[name].Values;

    /// <summary>Writes the folder; <paramref name="pooling"/> is "mean", "cls" or null for no 1_Pooling.</summary>
    public string WriteFolder(string folder, string? pooling = "mean", string dtype = "F32", string prefix = "")
    {
        Directory.CreateDirectory(folder);
        var config = new Dictionary<string, object>
        {
            ["architectures"] = new[] { "BertModel" },
            ["hidden_size"] = Hidden,
            ["num_hidden_layers"] = Layers,
            ["num_attention_heads"] = Heads,
            ["intermediate_size"] = Intermediate,
            ["hidden_act"] = Activation,
            ["layer_norm_eps"] = 1e-12,
            ["max_position_embeddings"] = MaxPositions,
            ["type_vocab_size"] = TypeVocabulary,
            ["vocab_size"] = Vocabulary,
        };
        File.WriteAllText(Path.Combine(folder, "config.json"), JsonSerializer.Serialize(config));
        var named = Tensors.ToDictionary(t => prefix + t.Key, t => t.Value, StringComparer.Ordinal);
        SafetensorsWriter.Write(Path.Combine(folder, "model.safetensors"), named, dtype);
        File.Copy(Fixtures.VocabTxt, Path.Combine(folder, "vocab.txt"), overwrite: true);
        if (pooling is not null)
        {
            Directory.CreateDirectory(Path.Combine(folder, "1_Pooling"));
            File.WriteAllText(Path.Combine(folder, "1_Pooling", "config.json"), string.Create(CultureInfo.InvariantCulture,
                $$"""{"word_embedding_dimension": {{Hidden}}, "pooling_mode_cls_token": {{(pooling == "cls" ? "true" : "false")}}, "pooling_mode_mean_tokens": {{(pooling == "mean" ? "true" : "false")}}, "pooling_mode_max_tokens": false}"""));
            File.WriteAllText(Path.Combine(folder, "modules.json"), """
                [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                 {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                 {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}]
                """);
        }
        return folder;
    }

    private void Add(Random random, string name, float scale, params int[] shape)
    {
        var count = shape.Aggregate(1, (a, b) => a * b);
        var values = new float[count];
        for (var i = 0; i < count; i++)
            values[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        Tensors[name] = new TestTensor(shape.Select(d => (long)d).ToArray(), values);
    }

    private void AddDense(Random random, string name, int outputs, int inputs, float gain)
    {
        Add(random, $"{name}.weight", gain * MathF.Sqrt(3f / inputs), outputs, inputs);
        Add(random, $"{name}.bias", 0.1f, outputs);
    }

    private void AddNorm(Random random, string name)
    {
        Add(random, $"{name}.weight", 0.2f, Hidden);
        var weight = Tensors[$"{name}.weight"].Values;
        for (var i = 0; i < weight.Length; i++)
            weight[i] += 1f;
        Add(random, $"{name}.bias", 0.1f, Hidden);
    }
}
