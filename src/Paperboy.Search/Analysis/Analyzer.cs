namespace Paperboy.Search.Analysis;

/// <summary>
/// Text to index terms: tokenize, fold case and accents, then optionally drop stop words and stem.
/// <see cref="English"/> is for titles and abstracts; <see cref="Names"/> is for author names,
/// where stemming would conflate people ("Hinton" and "Hint") and "Will" or "An" are real names.
/// Stateless, so one instance serves concurrent searches.
/// </summary>
internal sealed class Analyzer
{
    public static readonly Analyzer English = new(removeStopWords: true, stem: true);
    public static readonly Analyzer Names = new(removeStopWords: false, stem: false);

    private readonly bool _removeStopWords;
    private readonly bool _stem;

    private Analyzer(bool removeStopWords, bool stem)
    {
        _removeStopWords = removeStopWords;
        _stem = stem;
    }

    public List<AnalyzedToken> Analyze(string text, int firstPosition = 0)
    {
        var result = new List<AnalyzedToken>();
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (TryNormalize(text.AsSpan(token.Start, token.Length), out var term))
            {
                result.Add(new AnalyzedToken(term, firstPosition + token.Position, token.Start, token.End));
            }
        }
        return result;
    }

    /// <summary>The index term for one word, or false for a stop word or a word that folds to nothing.</summary>
    public bool TryNormalize(ReadOnlySpan<char> word, out string term)
    {
        term = TextFolder.Fold(word);
        if (term.Length == 0 || (_removeStopWords && StopWords.English.Contains(term)))
        {
            return false;
        }
        if (_stem)
        {
            term = EnglishStemmer.Stem(term);
        }
        return true;
    }
}
