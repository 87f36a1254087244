namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// Maps a token from <see cref="TextTokens"/> to table rows. The whole token wins when the vocabulary has
/// it (GloVe knows <c>state-of-the-art</c> and <c>don't</c>); otherwise the token is split at its hyphens
/// and apostrophes and each part is looked up, a part after an apostrophe first with it (<c>'s</c>, as
/// GloVe's tokenizer kept it) and then without. Parts the table lacks are skipped.
/// </summary>
internal static class WordResolver
{
    /// <summary>The most rows one token can yield: a token of 64 chars has at most 32 parts.</summary>
    public const int MaxParts = TextTokens.MaxLength / 2;

    public static int Resolve(WordVectorTable table, ReadOnlySpan<char> token, Span<int> rows)
    {
        if (table.TryGetIndex(token, out var whole))
        {
            rows[0] = whole;
            return 1;
        }
        if (token.IndexOfAny('-', '\'') < 0)
        {
            return 0;
        }
        var found = 0;
        var start = 0;
        for (var i = 0; i <= token.Length; i++)
        {
            if (i < token.Length && !TextTokens.IsJoiner(token[i]))
            {
                continue;
            }
            if (i > start)
            {
                var afterApostrophe = start > 0 && token[start - 1] == '\'';
                if (afterApostrophe && table.TryGetIndex(token[(start - 1)..i], out var withApostrophe))
                {
                    rows[found++] = withApostrophe;
                }
                else if (table.TryGetIndex(token[start..i], out var part))
                {
                    rows[found++] = part;
                }
            }
            start = i + 1;
        }
        return found;
    }
}
