namespace Paperboy.Semantic.Transformer.Tokenization;

/// <summary>
/// Token strings and their ids, looked up by span so that splitting a word allocates nothing.
/// Also records the longest token, which bounds how far the greedy match has to look.
/// </summary>
internal sealed class WordPieceVocabulary
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _tokens;

    public WordPieceVocabulary(IEnumerable<KeyValuePair<string, int>> entries, string source)
    {
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var maxId = -1;
        foreach (var (token, id) in entries)
        {
            if (id < 0)
                throw new InvalidDataException($"tokenizer: {source}: token '{token}' has a negative id {id}");
            // vocab.txt may repeat a line; like Hugging Face, the last occurrence wins.
            _ids[token] = id;
            maxId = Math.Max(maxId, id);
            MaxTokenLength = Math.Max(MaxTokenLength, token.Length);
        }
        if (_ids.Count == 0)
            throw new InvalidDataException($"tokenizer: {source}: the vocabulary is empty");
        _tokens = new string[maxId + 1];
        foreach (var (token, id) in _ids)
            _tokens[id] = token;
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _ids.Count;

    /// <summary>Largest id plus one: the number of rows an embedding table needs.</summary>
    public int IdLimit => _tokens.Length;

    public int MaxTokenLength { get; }

    public bool TryGetId(ReadOnlySpan<char> token, out int id) => _lookup.TryGetValue(token, out id);

    public int? IdOf(string token) => _ids.TryGetValue(token, out var id) ? id : null;

    public string TokenOf(int id) => (uint)id < (uint)_tokens.Length ? _tokens[id] ?? "" : "";

    /// <summary>vocab.txt: one token per line, the line number (from 0) is the id.</summary>
    public static WordPieceVocabulary FromVocabFile(string path)
    {
        var lines = File.ReadAllLines(path);
        var entries = new List<KeyValuePair<string, int>>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            // BERT's load_vocab strips the line end only; a trailing empty line is not a token.
            if (i == lines.Length - 1 && lines[i].Length == 0)
                break;
            entries.Add(new(lines[i].TrimEnd('\r'), i));
        }
        return new WordPieceVocabulary(entries, path);
    }
}
