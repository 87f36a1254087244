using Paperboy.Search.Analysis;

namespace Paperboy.Search.Tests.Analysis;

public class StopWordsTests
{
    [Fact]
    public void Stop_word_list_is_the_snowball_english_list_in_folded_form()
    {
        Assert.InRange(StopWords.English.Count, 150, 175);
        foreach (var word in new[] { "the", "a", "of", "and", "is", "which", "dont", "wouldnt", "ourselves", "very" })
        {
            Assert.Contains(word, StopWords.English);
        }
    }

    [Fact]
    public void Contractions_that_fold_into_real_words_are_not_stop_words()
    {
        foreach (var word in new[] { "well", "shell", "ill", "hell", "shed", "wed", "id", "lets" })
        {
            Assert.DoesNotContain(word, StopWords.English);
        }
    }

    [Fact]
    public void English_analyzer_drops_stop_words_but_keeps_their_positions()
    {
        var tokens = Analyzer.English.Analyze("The bag of words model");
        Assert.Equal([("bag", 1), ("word", 3), ("model", 4)], tokens.Select(t => (t.Term, t.Position)));
    }

    [Fact]
    public void Names_analyzer_keeps_every_word_unstemmed()
    {
        var tokens = Analyzer.Names.Analyze("Will An-Jones");
        Assert.Equal(["will", "an", "jones"], tokens.Select(t => t.Term));
    }
}
