using Paperboy.Search.Analysis;

namespace Paperboy.Search.Tests.Analysis;

public class TokenizerReferenceTests
{
    // ASCII of every kind, accented and decomposed letters, curly apostrophes, other scripts,
    // Han and kana, a surrogate pair (an astral ideograph), lone surrogates and other numbers.
    private const string Alphabet =
        "abcXYZ019 '-.,;:!?()[]{}\"\t\n_/\\^`~éÉßæøł\u0301\u0308\u2019\u00b2\u2162уθλ中文かカ한\U00020000\ud800\udc00";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fast_tokenizer_finds_the_same_tokens_as_the_reference_on_random_text(int seed)
    {
        var random = new Random(seed);
        var tokens = new List<Token>();
        for (var n = 0; n < 2_000; n++)
        {
            var length = random.Next(0, 120);
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                // Mostly letters and spaces, so words of every length (some past the 64-char limit) occur.
                chars[i] = random.Next(3) == 0 ? Alphabet[random.Next(Alphabet.Length)] : random.Next(12) == 0 ? ' ' : (char)('a' + random.Next(26));
            }
            var text = new string(chars);
            Tokenizer.Tokenize(text, tokens);
            Assert.Equal(Tokenizer.TokenizeReference(text), tokens);
        }
    }

    [Fact]
    public void Fast_tokenizer_agrees_with_the_reference_on_words_at_the_length_limit()
    {
        var text = new string('a', Tokenizer.MaxTokenLength) + " " + new string('b', Tokenizer.MaxTokenLength + 1) + " c";
        Assert.Equal(Tokenizer.TokenizeReference(text), Tokenizer.Tokenize(text));
        Assert.Equal(2, Tokenizer.Tokenize(text).Count);
    }
}
