namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>
/// Where the special tokens go around one text or a pair: Hugging Face's TemplateProcessing
/// (and BertProcessing, its fixed case <c>[CLS] A [SEP]</c> / <c>[CLS] A [SEP] B [SEP]</c>).
/// </summary>
internal sealed class SpecialTokensTemplate(IReadOnlyList<TemplatePiece> single, IReadOnlyList<TemplatePiece> pair)
{
    public IReadOnlyList<TemplatePiece> Single { get; } = single;

    public IReadOnlyList<TemplatePiece> Pair { get; } = pair;

    public int AddedTokens(bool isPair) => (isPair ? Pair : Single).Sum(piece => piece.SpecialIds.Length);

    public static SpecialTokensTemplate Bert(int clsId, int sepId) => new(
        [TemplatePiece.Special(clsId, 0), TemplatePiece.Sequence(0, 0), TemplatePiece.Special(sepId, 0)],
        [TemplatePiece.Special(clsId, 0), TemplatePiece.Sequence(0, 0), TemplatePiece.Special(sepId, 0),
         TemplatePiece.Sequence(1, 1), TemplatePiece.Special(sepId, 1)]);

    /// <summary>Writes the template with the (already truncated) sequences filled in.</summary>
    public TokenizedText Apply(List<int> first, List<int>? second, Func<int, string> tokenOf)
    {
        var pieces = second is null ? Single : Pair;
        var length = AddedTokens(second is not null) + first.Count + (second?.Count ?? 0);
        var ids = new int[length];
        var typeIds = new int[length];
        var at = 0;
        foreach (var piece in pieces)
        {
            if (piece.SequenceIndex is { } index)
            {
                var sequence = index == 0 ? first : second!;
                sequence.CopyTo(ids, at);
                typeIds.AsSpan(at, sequence.Count).Fill(piece.TypeId);
                at += sequence.Count;
                continue;
            }
            piece.SpecialIds.CopyTo(ids, at);
            typeIds.AsSpan(at, piece.SpecialIds.Length).Fill(piece.TypeId);
            at += piece.SpecialIds.Length;
        }
        return new TokenizedText(ids, typeIds, tokenOf);
    }
}

/// <summary>One slot of a template: special token ids, or the first (0) or second (1) text.</summary>
internal sealed record TemplatePiece(int[] SpecialIds, int? SequenceIndex, int TypeId)
{
    public static TemplatePiece Special(int id, int typeId) => new([id], null, typeId);

    public static TemplatePiece Sequence(int index, int typeId) => new([], index, typeId);
}
