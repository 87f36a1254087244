using Paperboy.Search.Analysis;

namespace Paperboy.Search.Tests.Analysis;

public class EnglishStemmerTests
{
    public static TheoryData<string, string> SnowballVocabulary()
    {
        var data = new TheoryData<string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "porter2-vocabulary-sample.txt");
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.Length == 0)
            {
                continue;
            }
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            data.Add(parts[0], parts[1]);
        }
        return data;
    }

    [Fact]
    public void Sample_of_the_snowball_vocabulary_has_a_few_hundred_pairs()
    {
        Assert.InRange(SnowballVocabulary().Count, 250, 1000);
    }

    [Theory]
    [MemberData(nameof(SnowballVocabulary))]
    public void Stemmer_matches_the_snowball_output(string word, string stem)
    {
        Assert.Equal(stem, EnglishStemmer.Stem(word));
    }

    [Theory]
    [InlineData("skis", "ski")]
    [InlineData("skies", "sky")]
    [InlineData("dying", "die")]
    [InlineData("lying", "lie")]
    [InlineData("tying", "tie")]
    [InlineData("idly", "idl")]
    [InlineData("gently", "gentl")]
    [InlineData("ugly", "ugli")]
    [InlineData("early", "earli")]
    [InlineData("only", "onli")]
    [InlineData("singly", "singl")]
    [InlineData("sky", "sky")]
    [InlineData("news", "news")]
    [InlineData("atlas", "atlas")]
    [InlineData("cosmos", "cosmos")]
    [InlineData("bias", "bias")]
    [InlineData("andes", "andes")]
    [InlineData("inning", "inning")]
    [InlineData("outing", "outing")]
    [InlineData("canning", "canning")]
    [InlineData("herring", "herring")]
    [InlineData("proceed", "proceed")]
    [InlineData("exceed", "exceed")]
    [InlineData("succeed", "succeed")]
    public void Stemmer_handles_the_exceptional_forms(string word, string stem)
    {
        Assert.Equal(stem, EnglishStemmer.Stem(word));
    }

    [Theory]
    [InlineData("generate", "generat")]
    [InlineData("generously", "generous")]
    [InlineData("communication", "communic")]
    [InlineData("arsenal", "arsenal")]
    [InlineData("ties", "tie")]
    [InlineData("cries", "cri")]
    [InlineData("gaps", "gap")]
    [InlineData("gas", "gas")]
    [InlineData("kiwis", "kiwi")]
    [InlineData("hopping", "hop")]
    [InlineData("hoping", "hope")]
    [InlineData("luxuriating", "luxuri")]
    [InlineData("networks", "network")]
    [InlineData("learning", "learn")]
    [InlineData("optimization", "optim")]
    [InlineData("youth", "youth")]
    [InlineData("sayings", "say")]
    [InlineData("author's", "author")]
    public void Stemmer_follows_the_rules_of_each_step(string word, string stem)
    {
        Assert.Equal(stem, EnglishStemmer.Stem(word));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("by")]
    [InlineData("covid19")]
    [InlineData("транзистор")]
    [InlineData("2024")]
    public void Stemmer_leaves_short_words_numbers_and_other_scripts_alone(string word)
    {
        Assert.Equal(word, EnglishStemmer.Stem(word));
    }
}
