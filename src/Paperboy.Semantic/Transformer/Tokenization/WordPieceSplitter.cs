using System.Text;

namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>
/// WordPiece (Schuster and Nakajima 2012, as used by BERT): greedy longest-match-first from the start
/// of the word, continuation pieces carry the "##" prefix. A word longer than the character limit,
/// or one with any piece missing from the vocabulary, becomes a single unknown token.
/// </summary>
internal sealed class WordPieceSplitter
{
    private readonly WordPieceVocabulary _vocabulary;
    private readonly string _continuingPrefix;
    private readonly int _unknownId;
    private readonly int _maxCharactersPerWord;

    [ThreadStatic] private static char[]? s_prefixed;

    public WordPieceSplitter(WordPieceVocabulary vocabulary, string unknownToken, string continuingPrefix, int maxCharactersPerWord)
    {
        _vocabulary = vocabulary;
        _continuingPrefix = continuingPrefix;
        _maxCharactersPerWord = maxCharactersPerWord;
        _unknownId = vocabulary.IdOf(unknownToken)
            ?? throw new InvalidDataException($"tokenizer: the unknown token '{unknownToken}' is not in the vocabulary");
    }

    public int UnknownId => _unknownId;

    public void Split(ReadOnlySpan<char> word, List<int> ids)
    {
        // Rust counts chars (code points); UTF-16 length is never smaller, so it only needs counting when long.
        if (word.Length > _maxCharactersPerWord && CountCodePoints(word) > _maxCharactersPerWord)
        {
            ids.Add(_unknownId);
            return;
        }
        if (_vocabulary.TryGetId(word, out var whole))
        {
            ids.Add(whole);
            return;
        }
        var prefixLength = _continuingPrefix.Length;
        var prefixed = s_prefixed;
        if (prefixed is null || prefixed.Length < prefixLength + word.Length)
            s_prefixed = prefixed = new char[Math.Max(256, prefixLength + word.Length)];
        _continuingPrefix.CopyTo(prefixed);
        word.CopyTo(prefixed.AsSpan(prefixLength));

        var firstId = ids.Count;
        var start = 0;
        while (start < word.Length)
        {
            var end = Math.Min(word.Length, start + _vocabulary.MaxTokenLength);
            var found = -1;
            // prefixed[p] holds word[p - prefixLength]; writing the prefix just before word[start]
            // turns prefixed[start..] into "##" + word[start..] without copying the word again.
            if (start > 0)
                _continuingPrefix.CopyTo(prefixed.AsSpan(start));
            while (end > start)
            {
                var piece = start == 0
                    ? word[..end]
                    : prefixed.AsSpan(start, prefixLength + end - start);
                if (_vocabulary.TryGetId(piece, out found))
                    break;
                found = -1;
                end--;
                // Never cut a surrogate pair: Rust slices on char boundaries.
                if (end > start && char.IsLowSurrogate(word[end]))
                    end--;
            }
            if (found < 0)
            {
                ids.RemoveRange(firstId, ids.Count - firstId);
                ids.Add(_unknownId);
                return;
            }
            ids.Add(found);
            start = end;
        }
    }

    private static int CountCodePoints(ReadOnlySpan<char> word)
    {
        var count = 0;
        foreach (var _ in word.EnumerateRunes())
            count++;
        return count;
    }
}
