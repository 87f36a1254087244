using Paperboy.Semantic.WordVectors;

namespace Paperboy.Semantic.Tests.WordVectors;

public sealed class TextTokensTests
{
    [Fact]
    public void Words_are_lowercased_and_keep_inner_hyphens_and_apostrophes()
    {
        Assert.Equal(["state-of-the-art", "gan's", "results", "don't", "hold", "in", "2017"],
            Tokens("State-of-the-Art GAN’s results -- don't hold (in 2017)."));
    }

    [Fact]
    public void TeX_commands_are_dropped_with_their_names()
    {
        Assert.Equal(["the", "helix", "of", "su", "2", "with", "x", "2"],
            Tokens(@"The $\alpha$-helix of $\mathrm{SU}(2)$ with $x^{2}$ \% \\"));
    }

    [Fact]
    public void Over_long_runs_are_skipped_whole()
    {
        Assert.Equal(["see", "here"], Tokens("see " + new string('a', 100) + " here"));
    }

    [Fact]
    public void Non_ascii_letters_are_words()
    {
        Assert.Equal(["über", "naïve", "bayes"], Tokens("Über naïve Bayes"));
    }

    private static List<string> Tokens(string text)
    {
        Span<char> buffer = stackalloc char[TextTokens.MaxLength];
        var tokens = new TextTokens(text, buffer);
        var result = new List<string>();
        while (tokens.MoveNext(out var token))
        {
            result.Add(token.ToString());
        }
        return result;
    }
}
