using System.Text.Json;

namespace Paperboy.Semantic.Transformer;

/// <summary>
/// What a sentence-transformers model folder says beyond the BERT weights: the pooling mode
/// (1_Pooling/config.json, found through modules.json) and its max_seq_length. A Normalize module is
/// accepted; normalizing is <see cref="TransformerOptions.Normalize"/>'s call, on by default since
/// IEmbedder promises unit vectors. Modules this encoder does not implement (Dense projections, say)
/// are refused by name.
/// </summary>
internal sealed record SentenceTransformersFolder(PoolingMode? Pooling, int? MaxSequenceLength)
{
    private const string PoolingModule = "sentence_transformers.models.Pooling";
    private const string NormalizeModule = "sentence_transformers.models.Normalize";
    private const string TransformerModule = "sentence_transformers.models.Transformer";

    public static SentenceTransformersFolder Read(string folder)
    {
        var poolingPath = Path.Combine(folder, "1_Pooling");
        var modules = Path.Combine(folder, "modules.json");
        if (File.Exists(modules))
        {
            using var document = Parse(modules);
            foreach (var module in document.RootElement.EnumerateArray())
            {
                var type = module.TryGetProperty("type", out var t) ? t.GetString() : null;
                switch (type)
                {
                    case PoolingModule:
                        poolingPath = Path.Combine(folder, module.TryGetProperty("path", out var p) ? p.GetString() ?? "" : "1_Pooling");
                        break;
                    case NormalizeModule:
                    case TransformerModule:
                        break;
                    default:
                        throw new InvalidDataException($"bert: {modules}: module '{type}' is not supported (only Transformer, Pooling and Normalize)");
                }
            }
        }
        return new SentenceTransformersFolder(ReadPooling(Path.Combine(poolingPath, "config.json")), ReadMaxSequenceLength(folder));
    }

    private static PoolingMode? ReadPooling(string path)
    {
        if (!File.Exists(path))
            return null;
        using var document = Parse(path);
        var enabled = document.RootElement.EnumerateObject()
            .Where(p => p.Name.StartsWith("pooling_mode_", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.True)
            .Select(p => p.Name)
            .ToArray();
        return enabled switch
        {
            ["pooling_mode_mean_tokens"] => PoolingMode.Mean,
            ["pooling_mode_cls_token"] => PoolingMode.Cls,
            _ => throw new InvalidDataException($"bert: {path}: pooling [{string.Join(", ", enabled)}] is not supported (exactly one of mean_tokens, cls_token)"),
        };
    }

    private static int? ReadMaxSequenceLength(string folder)
    {
        var path = Path.Combine(folder, "sentence_bert_config.json");
        if (!File.Exists(path))
            return null;
        using var document = Parse(path);
        return document.RootElement.TryGetProperty("max_seq_length", out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt32()
            : null;
    }

    private static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"bert: {path} is not valid JSON: {e.Message}", e);
        }
    }
}
