using System.Text.Json;
using Paperboy.Semantic.Transformer.Tokenization;

namespace Paperboy.Semantic.Tests.Transformer.Tokenization;

/// <summary>
/// Every case of bert-base-uncased_tokenization_cases.jsonl (transformers.js's tests, checked against
/// Hugging Face tokenizers), from tokenizer.json and from vocab.txt.
/// </summary>
public sealed class TokenizationCasesTests
{
    private static readonly Lazy<WordPieceTokenizer> FromJson = new(() => WordPieceTokenizer.FromTokenizerJson(Fixtures.TokenizerJson));
    private static readonly Lazy<WordPieceTokenizer> FromVocab = new(() => WordPieceTokenizer.FromVocabFile(Fixtures.VocabTxt, lowercase: true));

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in CaseLines())
        {
            using var json = JsonDocument.Parse(line);
            var name = json.RootElement.GetProperty("case").GetString()!;
            data.Add(name, "tokenizer.json");
            data.Add(name, "vocab.txt");
        }
        return data;
    }

    [Fact]
    public void The_fixture_has_all_35_cases() => Assert.Equal(35, CaseLines().Count());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_is_tokenized_exactly_as_Hugging_Face_does(string caseName, string source)
    {
        var root = CaseLines().Select(line => JsonDocument.Parse(line).RootElement)
            .Single(c => c.GetProperty("case").GetString() == caseName);
        var tokenizer = source == "vocab.txt" ? FromVocab.Value : FromJson.Value;
        var text = root.GetProperty("text").GetString()!;

        var encoded = root.TryGetProperty("text_pair", out var pair)
            ? tokenizer.Encode(text, pair.GetString()!)
            : tokenizer.Encode(text);

        Assert.Equal(Ints(root, "ids"), encoded.Ids);
        if (root.TryGetProperty("token_type_ids", out _))
            Assert.Equal(Ints(root, "token_type_ids"), encoded.TypeIds);
        if (root.TryGetProperty("attention_mask", out _))
            Assert.Equal(Ints(root, "attention_mask"), encoded.AttentionMask);
        if (root.TryGetProperty("tokens", out var tokens))
        {
            // The fixture lists the text's tokens without [CLS] and the [SEP]s.
            var expected = tokens.EnumerateArray().Select(t => t.GetString()!).ToArray();
            Assert.Equal(expected, encoded.Tokens.Where(t => t is not ("[CLS]" or "[SEP]")).ToArray());
        }
    }

    private static IEnumerable<string> CaseLines() =>
        File.ReadLines(Fixtures.Embeddings("bert-base-uncased_tokenization_cases.jsonl")).Where(line => line.Length > 0);

    private static int[] Ints(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();
}
