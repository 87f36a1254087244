using Paperboy.Semantic.Transformer.Tokenization;

namespace Paperboy.Semantic.Tests.Transformer.Tokenization;

public sealed class WordPieceTokenizerTests
{
    private static readonly Lazy<WordPieceTokenizer> Tokenizer = new(() => WordPieceTokenizer.FromTokenizerJson(Fixtures.TokenizerJson));

    [Fact]
    public void A_long_text_is_cut_to_the_limit_and_keeps_its_final_sep()
    {
        var encoded = Tokenizer.Value.Encode("one two three four five six", maxTokens: 5);

        Assert.Equal(["[CLS]", "one", "two", "three", "[SEP]"], encoded.Tokens);
        Assert.Equal([0, 0, 0, 0, 0], encoded.TypeIds);
    }

    [Fact]
    public void A_long_pair_is_cut_longest_first()
    {
        // 2 + 6 tokens, budget 8 - 3 = 5: the short text keeps its 2, the long one gets 3.
        var encoded = Tokenizer.Value.Encode("hello world", "one two three four five six", maxTokens: 8);

        Assert.Equal(["[CLS]", "hello", "world", "[SEP]", "one", "two", "three", "[SEP]"], encoded.Tokens);
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1], encoded.TypeIds);
    }

    [Fact]
    public void Two_long_texts_share_the_budget_with_the_odd_token_to_the_second()
    {
        var encoded = Tokenizer.Value.Encode("a b c d e f", "one two three four five six", maxTokens: 8);

        Assert.Equal(["[CLS]", "a", "b", "[SEP]", "one", "two", "three", "[SEP]"], encoded.Tokens);
    }

    [Fact]
    public void Special_tokens_written_in_the_text_are_matched_before_normalization()
    {
        var encoded = Tokenizer.Value.Encode("hello [MASK] world[SEP]");

        Assert.Equal([101, 7592, 103, 2088, 102, 102], encoded.Ids);
    }

    [Fact]
    public void A_cased_vocab_file_keeps_case_and_accents()
    {
        var cased = WordPieceTokenizer.FromVocabFile(Fixtures.VocabTxt, lowercase: false);

        // The uncased vocabulary has no "Hello" or "é", so case and accents show up as unknowns.
        Assert.Equal(["[CLS]", "[UNK]", "[SEP]"], cased.Encode("Hello").Tokens);
        Assert.Equal(["[CLS]", "hello", "[SEP]"], cased.Encode("hello").Tokens);
    }

    [Fact]
    public void A_folder_without_tokenizer_json_uses_vocab_txt_and_do_lower_case()
    {
        var folder = Directory.CreateTempSubdirectory("paperboy-tokenizer-").FullName;
        try
        {
            File.Copy(Fixtures.VocabTxt, Path.Combine(folder, "vocab.txt"));
            File.WriteAllText(Path.Combine(folder, "tokenizer_config.json"), """{"do_lower_case": false}""");

            var tokenizer = WordPieceTokenizer.Load(folder);

            Assert.False(tokenizer.Normalizer.Lowercase);
            Assert.Equal(30522, tokenizer.VocabularySize);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_tokenizer_json_with_another_model_type_is_refused_by_name()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"model": {"type": "BPE", "vocab": {"a": 0}}}""");

            var error = Assert.Throws<InvalidDataException>(() => WordPieceTokenizer.FromTokenizerJson(path));

            Assert.Contains("model type 'BPE' is not supported", error.Message, StringComparison.Ordinal);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
