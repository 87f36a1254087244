using System.Text.Json;

namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>The one setting a plain vocab.txt needs from transformers' tokenizer_config.json.</summary>
internal static class TokenizerConfigReader
{
    /// <summary>do_lower_case, or true (BertTokenizer's default) when the file or the key is absent.</summary>
    public static bool Lowercase(string path)
    {
        if (!File.Exists(path))
            return true;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return !document.RootElement.TryGetProperty("do_lower_case", out var value) || value.ValueKind != JsonValueKind.False;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"tokenizer: {path} is not valid JSON: {e.Message}", e);
        }
    }
}
