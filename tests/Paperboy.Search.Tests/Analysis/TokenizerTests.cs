using Paperboy.Search.Analysis;

namespace Paperboy.Search.Tests.Analysis;

public class TokenizerTests
{
    private static string[] Words(string text) =>
        [.. Tokenizer.Tokenize(text).Select(t => text[t.Start..t.End])];

    [Fact]
    public void Tokenizer_splits_on_spaces_and_punctuation()
    {
        Assert.Equal(["Deep", "learning", "for", "graphs", "a", "survey"], Words("Deep learning, for graphs: a survey!"));
    }

    [Fact]
    public void Tokenizer_splits_hyphenated_words_and_keeps_numbers()
    {
        Assert.Equal(["GPT", "4", "and", "BERT", "base", "in", "2023"], Words("GPT-4 and BERT-base in 2023"));
    }

    [Fact]
    public void Tokenizer_keeps_an_apostrophe_between_letters_inside_the_word()
    {
        Assert.Equal(["O'Brien", "don't", "authors", "x"], Words("O'Brien don't authors' 'x'"));
    }

    [Fact]
    public void Tokenizer_reads_letters_of_any_script()
    {
        Assert.Equal(["Schrödinger", "уравнение", "θεωρία", "naïve"], Words("Schrödinger уравнение (θεωρία) naïve"));
    }

    [Fact]
    public void Tokenizer_keeps_combining_marks_with_their_letter()
    {
        var decomposed = "cafe\u0301 au lait";
        Assert.Equal(["cafe\u0301", "au", "lait"], Words(decomposed));
    }

    [Fact]
    public void Tokenizer_makes_each_han_character_a_word()
    {
        Assert.Equal(["深", "度", "学", "习", "AI"], Words("深度学习AI"));
    }

    [Fact]
    public void Tokenizer_records_char_offsets_and_positions()
    {
        var tokens = Tokenizer.Tokenize("  ab, cd");
        Assert.Equal([new Token(2, 4, 0), new Token(6, 8, 1)], tokens);
    }

    [Fact]
    public void Tokenizer_drops_runs_longer_than_the_maximum_token_length()
    {
        var text = "short " + new string('x', Tokenizer.MaxTokenLength + 1) + " end";
        Assert.Equal(["short", "end"], Words(text));
        Assert.Equal([0, 1], Tokenizer.Tokenize(text).Select(t => t.Position));
    }

    [Fact]
    public void Tokenizer_returns_nothing_for_punctuation_and_control_characters()
    {
        Assert.Empty(Tokenizer.Tokenize("\u0000\u0007 -- ... \t\r\n !!"));
    }
}
