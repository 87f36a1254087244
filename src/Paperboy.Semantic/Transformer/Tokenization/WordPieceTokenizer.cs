using System.Buffers;
using System.Text;

namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>
/// BERT's tokenizer, giving the same ids as Hugging Face tokenizers for the same tokenizer.json or
/// vocab.txt: special tokens matched in the raw text, BertNormalizer, the BERT pre-tokenizer (split on
/// whitespace, each punctuation character alone), WordPiece, then the special-tokens template.
/// Thread-safe; scratch buffers are per thread.
/// </summary>
public sealed class WordPieceTokenizer
{
    private readonly WordPieceVocabulary _vocabulary;
    private readonly BertTextNormalizer _normalizer;
    private readonly WordPieceSplitter _splitter;
    private readonly SpecialTokensTemplate _template;
    private readonly (string Content, int Id)[] _addedTokens;
    private readonly SearchValues<char> _addedTokenStarts;
    private readonly Func<int, string> _tokenOf;

    [ThreadStatic] private static CharBuffer? s_normalized;
    [ThreadStatic] private static List<int>? s_first;
    [ThreadStatic] private static List<int>? s_second;

    internal WordPieceTokenizer(
        WordPieceVocabulary vocabulary,
        BertNormalizerSettings normalizer,
        WordPieceSplitter splitter,
        SpecialTokensTemplate template,
        IEnumerable<(string Content, int Id)> addedTokens)
    {
        _vocabulary = vocabulary;
        _normalizer = new BertTextNormalizer(normalizer);
        _splitter = splitter;
        _template = template;
        // Longest first, so "[CLS]x" style overlaps resolve the way a trie's longest match would.
        _addedTokens = addedTokens.Where(t => t.Content.Length > 0).OrderByDescending(t => t.Content.Length).ToArray();
        _addedTokenStarts = SearchValues.Create(string.Concat(_addedTokens.Select(t => t.Content[0]).Distinct()));
        _tokenOf = vocabulary.TokenOf;
    }

    public BertNormalizerSettings Normalizer => _normalizer.Settings;

    /// <summary>Largest id plus one.</summary>
    public int VocabularySize => _vocabulary.IdLimit;

    /// <summary>
    /// From a folder: tokenizer.json when present, else vocab.txt with tokenizer_config.json's
    /// do_lower_case (true when absent, Hugging Face's default for BertTokenizer).
    /// </summary>
    public static WordPieceTokenizer Load(string folder)
    {
        var json = Path.Combine(folder, "tokenizer.json");
        if (File.Exists(json))
            return TokenizerJsonReader.Read(json);
        var vocab = Path.Combine(folder, "vocab.txt");
        if (!File.Exists(vocab))
            throw new FileNotFoundException($"tokenizer: {folder} has neither tokenizer.json nor vocab.txt", vocab);
        return FromVocabFile(vocab, TokenizerConfigReader.Lowercase(Path.Combine(folder, "tokenizer_config.json")));
    }

    public static WordPieceTokenizer FromTokenizerJson(string path) => TokenizerJsonReader.Read(path);

    /// <summary>A plain vocab.txt with BERT's defaults: [UNK], "##", 100 characters per word, [CLS]/[SEP].</summary>
    public static WordPieceTokenizer FromVocabFile(string path, bool lowercase)
    {
        var vocabulary = WordPieceVocabulary.FromVocabFile(path);
        var splitter = new WordPieceSplitter(vocabulary, "[UNK]", "##", 100);
        int Required(string token) => vocabulary.IdOf(token)
            ?? throw new InvalidDataException($"tokenizer: {path}: the vocabulary has no {token}");
        var special = new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" }
            .Where(token => vocabulary.IdOf(token) is not null)
            .Select(token => (token, vocabulary.IdOf(token)!.Value));
        return new WordPieceTokenizer(
            vocabulary,
            lowercase ? BertNormalizerSettings.Uncased : BertNormalizerSettings.Cased,
            splitter,
            SpecialTokensTemplate.Bert(Required("[CLS]"), Required("[SEP]")),
            special);
    }

    /// <summary>One text; when longer than <paramref name="maxTokens"/> (special tokens included), its end is cut.</summary>
    public TokenizedText Encode(string text, int maxTokens = int.MaxValue)
    {
        var first = s_first ??= [];
        Tokenize(text, first);
        var budget = Math.Max(0, maxTokens - _template.AddedTokens(isPair: false));
        if (first.Count > budget)
            first.RemoveRange(budget, first.Count - budget);
        return _template.Apply(first, null, _tokenOf);
    }

    /// <summary>A text pair; when too long, trimmed longest-first as Hugging Face does.</summary>
    public TokenizedText Encode(string text, string pair, int maxTokens = int.MaxValue)
    {
        var first = s_first ??= [];
        var second = s_second ??= [];
        Tokenize(text, first);
        Tokenize(pair, second);
        var budget = Math.Max(0, maxTokens - _template.AddedTokens(isPair: true));
        var (keepFirst, keepSecond) = PairTruncation.Budget(first.Count, second.Count, budget);
        first.RemoveRange(keepFirst, first.Count - keepFirst);
        second.RemoveRange(keepSecond, second.Count - keepSecond);
        return _template.Apply(first, second, _tokenOf);
    }

    /// <summary>The ids of a text without special tokens, into <paramref name="ids"/> (cleared first).</summary>
    internal void Tokenize(string text, List<int> ids)
    {
        ArgumentNullException.ThrowIfNull(text);
        ids.Clear();
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var (at, length, id) = NextAddedToken(rest);
            TokenizeSegment(rest[..at], ids);
            if (length == 0)
                break;
            ids.Add(id);
            rest = rest[(at + length)..];
        }
    }

    private (int At, int Length, int Id) NextAddedToken(ReadOnlySpan<char> text)
    {
        var offset = 0;
        while (_addedTokens.Length > 0)
        {
            var candidate = text[offset..].IndexOfAny(_addedTokenStarts);
            if (candidate < 0)
                break;
            offset += candidate;
            foreach (var (content, id) in _addedTokens)
            {
                if (text[offset..].StartsWith(content, StringComparison.Ordinal))
                    return (offset, content.Length, id);
            }
            offset++;
        }
        return (text.Length, 0, 0);
    }

    private void TokenizeSegment(ReadOnlySpan<char> segment, List<int> ids)
    {
        if (segment.IsEmpty)
            return;
        var normalized = s_normalized ??= new CharBuffer();
        _normalizer.Normalize(segment, normalized);
        var text = normalized.Span;
        var wordStart = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            Rune rune;
            int width;
            if (char.IsAscii(c))
            {
                rune = new Rune(c);
                width = 1;
            }
            else
            {
                Rune.DecodeFromUtf16(text[i..], out rune, out width);
            }
            var isSpace = BertCharacterClasses.IsWhitespace(rune);
            if (isSpace || BertCharacterClasses.IsPunctuation(rune))
            {
                if (wordStart >= 0)
                    _splitter.Split(text[wordStart..i], ids);
                wordStart = -1;
                if (!isSpace)
                    _splitter.Split(text.Slice(i, width), ids);
            }
            else if (wordStart < 0)
            {
                wordStart = i;
            }
            i += width;
        }
        if (wordStart >= 0)
            _splitter.Split(text[wordStart..], ids);
    }
}
