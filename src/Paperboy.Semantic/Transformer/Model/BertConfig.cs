using System.Text.Json;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>The shape of a BERT encoder, from transformers' config.json.</summary>
public sealed record BertConfig(
    int HiddenSize,
    int LayerCount,
    int HeadCount,
    int IntermediateSize,
    BertActivation Activation,
    float LayerNormEpsilon,
    int MaxPositions,
    int TypeVocabularySize,
    int VocabularySize)
{
    public int HeadSize => HiddenSize / HeadCount;

    public static BertConfig Read(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"bert: {path} is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            int Int(string name, int? fallback = null) =>
                root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32()
                : fallback ?? throw new InvalidDataException($"bert: {path}: missing \"{name}\"");
            var activationName = root.TryGetProperty("hidden_act", out var act) ? act.GetString() : "gelu";
            var activation = activationName switch
            {
                "gelu" => BertActivation.Gelu,
                "gelu_new" or "gelu_pytorch_tanh" => BertActivation.GeluTanh,
                "relu" => BertActivation.Relu,
                _ => throw new InvalidDataException($"bert: {path}: hidden_act '{activationName}' is not supported (gelu, gelu_new, gelu_pytorch_tanh, relu)"),
            };
            var config = new BertConfig(
                Int("hidden_size"),
                Int("num_hidden_layers"),
                Int("num_attention_heads"),
                Int("intermediate_size"),
                activation,
                root.TryGetProperty("layer_norm_eps", out var eps) ? eps.GetSingle() : 1e-12f,
                Int("max_position_embeddings", 512),
                Int("type_vocab_size", 2),
                Int("vocab_size"));
            if (config.HiddenSize <= 0 || config.HeadCount <= 0 || config.HiddenSize % config.HeadCount != 0)
                throw new InvalidDataException($"bert: {path}: hidden_size {config.HiddenSize} is not a multiple of num_attention_heads {config.HeadCount}");
            return config;
        }
    }
}
