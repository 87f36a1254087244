namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>
/// The switches of Hugging Face's BertNormalizer. A null <c>strip_accents</c> in tokenizer.json means
/// "strip when lowercasing", which is how the uncased models were trained; it is resolved here.
/// </summary>
public sealed record BertNormalizerSettings(bool CleanText, bool HandleChineseCharacters, bool StripAccents, bool Lowercase)
{
    public static BertNormalizerSettings Uncased { get; } = new(true, true, true, true);

    public static BertNormalizerSettings Cased { get; } = new(true, true, false, false);
}
