namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>
/// One encoded text (or text pair) with its special tokens, the model's input. There is no padding,
/// so the attention mask is all ones; it is kept because it is what a BERT model takes.
/// </summary>
public sealed class TokenizedText
{
    private readonly Func<int, string> _tokenOf;

    internal TokenizedText(int[] ids, int[] typeIds, Func<int, string> tokenOf)
    {
        Ids = ids;
        TypeIds = typeIds;
        _tokenOf = tokenOf;
    }

    public int[] Ids { get; }

    /// <summary>0 for [CLS], the first text and its [SEP]; 1 for the second text of a pair and its [SEP].</summary>
    public int[] TypeIds { get; }

    public int Length => Ids.Length;

    public int[] AttentionMask => Enumerable.Repeat(1, Ids.Length).ToArray();

    /// <summary>The token strings, looked up on demand: the embedding path only needs ids.</summary>
    public string[] Tokens => Array.ConvertAll(Ids, id => _tokenOf(id));
}
