using System.Text.Json;

namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>
/// Reads the BERT subset of Hugging Face's tokenizer.json: a BertNormalizer, the BERT pre-tokenizer,
/// a WordPiece model and a TemplateProcessing or BertProcessing post-processor. Anything else is
/// refused by name rather than silently tokenized differently. Its truncation and padding sections
/// are ignored: the embedder decides the length.
/// </summary>
internal static class TokenizerJsonReader
{
    public static WordPieceTokenizer Read(string path)
    {
        using var document = ParseFile(path);
        var root = document.RootElement;
        var model = Required(root, "model", path);
        if (model.TryGetProperty("type", out var type) && type.GetString() != "WordPiece")
            throw Unsupported(path, "model", type.GetString());
        var vocabulary = new WordPieceVocabulary(
            Required(model, "vocab", path).EnumerateObject().Select(p => new KeyValuePair<string, int>(p.Name, p.Value.GetInt32())),
            path);
        var splitter = new WordPieceSplitter(
            vocabulary,
            StringOr(model, "unk_token", "[UNK]"),
            StringOr(model, "continuing_subword_prefix", "##"),
            model.TryGetProperty("max_input_chars_per_word", out var max) && max.ValueKind == JsonValueKind.Number ? max.GetInt32() : 100);

        var normalizer = ReadNormalizer(root, path);
        if (root.TryGetProperty("pre_tokenizer", out var pre) && pre.ValueKind != JsonValueKind.Null
            && StringOr(pre, "type", "") != "BertPreTokenizer")
            throw Unsupported(path, "pre_tokenizer", StringOr(pre, "type", "?"));

        var addedTokens = new List<(string, int)>();
        if (root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in added.EnumerateArray())
            {
                // Tokens flagged "normalized" would be matched after normalization; BERT's are all raw.
                if (token.TryGetProperty("normalized", out var n) && n.ValueKind == JsonValueKind.True)
                    continue;
                addedTokens.Add((StringOr(token, "content", ""), token.GetProperty("id").GetInt32()));
            }
        }
        return new WordPieceTokenizer(vocabulary, normalizer, splitter, ReadTemplate(root, vocabulary, path), addedTokens);
    }

    private static BertNormalizerSettings ReadNormalizer(JsonElement root, string path)
    {
        if (!root.TryGetProperty("normalizer", out var normalizer) || normalizer.ValueKind == JsonValueKind.Null)
            return new BertNormalizerSettings(false, false, false, false);
        if (StringOr(normalizer, "type", "") != "BertNormalizer")
            throw Unsupported(path, "normalizer", StringOr(normalizer, "type", "?"));
        var lowercase = BoolOr(normalizer, "lowercase", true);
        var strip = normalizer.TryGetProperty("strip_accents", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? s.GetBoolean()
            : lowercase;
        return new BertNormalizerSettings(BoolOr(normalizer, "clean_text", true), BoolOr(normalizer, "handle_chinese_chars", true), strip, lowercase);
    }

    private static SpecialTokensTemplate ReadTemplate(JsonElement root, WordPieceVocabulary vocabulary, string path)
    {
        if (!root.TryGetProperty("post_processor", out var processor) || processor.ValueKind == JsonValueKind.Null)
            return new SpecialTokensTemplate([TemplatePiece.Sequence(0, 0)], [TemplatePiece.Sequence(0, 0), TemplatePiece.Sequence(1, 1)]);
        switch (StringOr(processor, "type", ""))
        {
            case "BertProcessing":
                return SpecialTokensTemplate.Bert(
                    processor.GetProperty("cls")[1].GetInt32(),
                    processor.GetProperty("sep")[1].GetInt32());
            case "TemplateProcessing":
                var specials = new Dictionary<string, int[]>(StringComparer.Ordinal);
                if (processor.TryGetProperty("special_tokens", out var map))
                {
                    foreach (var entry in map.EnumerateObject())
                        specials[entry.Name] = entry.Value.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToArray();
                }
                return new SpecialTokensTemplate(
                    ReadPieces(Required(processor, "single", path), specials, vocabulary, path),
                    ReadPieces(Required(processor, "pair", path), specials, vocabulary, path));
            default:
                throw Unsupported(path, "post_processor", StringOr(processor, "type", "?"));
        }
    }

    private static List<TemplatePiece> ReadPieces(JsonElement pieces, Dictionary<string, int[]> specials, WordPieceVocabulary vocabulary, string path)
    {
        var result = new List<TemplatePiece>();
        foreach (var piece in pieces.EnumerateArray())
        {
            if (piece.TryGetProperty("Sequence", out var sequence))
            {
                var index = sequence.GetProperty("id").GetString() == "B" ? 1 : 0;
                result.Add(TemplatePiece.Sequence(index, sequence.GetProperty("type_id").GetInt32()));
                continue;
            }
            var special = Required(piece, "SpecialToken", path);
            var name = special.GetProperty("id").GetString() ?? "";
            var ids = specials.TryGetValue(name, out var found) ? found
                : vocabulary.IdOf(name) is { } id ? [id]
                : throw new InvalidDataException($"tokenizer: {path}: the template names special token '{name}', which has no id");
            result.Add(new TemplatePiece(ids, null, special.GetProperty("type_id").GetInt32()));
        }
        return result;
    }

    private static JsonDocument ParseFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"tokenizer: {path} is not valid JSON: {e.Message}", e);
        }
    }

    private static JsonElement Required(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new InvalidDataException($"tokenizer: {path}: missing \"{name}\"");

    private static string StringOr(JsonElement element, string name, string fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : fallback;

    private static bool BoolOr(JsonElement element, string name, bool fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : fallback;

    private static InvalidDataException Unsupported(string path, string part, string? type) =>
        new($"tokenizer: {path}: {part} type '{type}' is not supported (only BERT WordPiece tokenizers are)");
}
