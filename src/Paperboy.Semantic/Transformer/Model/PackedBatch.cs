using Paperboy.Semantic.Transformer.Tokenization;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// Texts of different lengths laid end to end, one row per token, with no padding. Attention runs
/// within each text's own rows, which is exactly what an attention mask over a padded batch does,
/// without computing the padding.
/// </summary>
internal sealed class PackedBatch
{
    public PackedBatch(IReadOnlyList<TokenizedText> texts)
    {
        Texts = texts;
        Starts = new int[texts.Count];
        var rows = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            Starts[i] = rows;
            rows += texts[i].Length;
        }
        Rows = rows;
    }

    public IReadOnlyList<TokenizedText> Texts { get; }

    /// <summary>The first row of each text.</summary>
    public int[] Starts { get; }

    public int Rows { get; }

    public int Count => Texts.Count;

    public int Length(int text) => Texts[text].Length;
}
