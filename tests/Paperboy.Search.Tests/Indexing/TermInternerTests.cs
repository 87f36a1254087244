using Paperboy.Search.Analysis;
using Paperboy.Search.Indexing;

namespace Paperboy.Search.Tests.Indexing;

public class TermInternerTests
{
    private static IEnumerable<string> SnowballWords()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "porter2-vocabulary-sample.txt");
        return File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split(' ')[0]);
    }

    // Words built from English-like pieces, so most stemmer rules fire, in several spellings.
    private static IEnumerable<string> GeneratedWords(int seed, int count)
    {
        string[] stems = ["gener", "commun", "arsen", "nation", "hope", "run", "sky", "y", "bias", "proceed", "fit", "agre", "cry", "tie", "eas", "luxur", "happ", "analys"];
        string[] suffixes = ["", "s", "es", "ies", "ied", "ed", "ing", "ingly", "edly", "eed", "eedly", "ly", "li", "ation", "ational", "ization", "fulness", "iveness", "ousness", "ness", "al", "ally", "ement", "ence", "ance", "ible", "able", "ism", "iti", "ive", "ize", "er", "ic", "'s", "'", "'s'", "ogi", "bli", "ous", "y"];
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var word = stems[random.Next(stems.Length)] + suffixes[random.Next(suffixes.Length)];
            yield return random.Next(4) switch
            {
                0 => word.ToUpperInvariant(),
                1 => char.ToUpperInvariant(word[0]) + word[1..],
                _ => word,
            };
        }
    }

    [Theory]
    [InlineData("english")]
    [InlineData("names")]
    public void Interned_ids_name_the_term_the_analyzer_gives_on_the_snowball_sample_and_generated_words(string which)
    {
        var analyzer = which == "english" ? Analyzer.English : Analyzer.Names;
        var interner = new TermInterner(analyzer);
        string[] extra = ["The", "and", "O'Brien", "don't", "Schrödinger", "Schrodinger", "ÆSIR", "straße", "中", "covid19", "x", "'", "''"];
        // Twice, so the second pass answers from the cache.
        var words = SnowballWords().Concat(GeneratedWords(7, 5_000)).Concat(extra).ToList();
        foreach (var word in words.Concat(words))
        {
            var id = interner.Intern(word);
            if (analyzer.TryNormalize(word, out var term))
            {
                Assert.NotEqual(TermInterner.NoTerm, id);
                Assert.Equal(term, interner.Terms[id]);
            }
            else
            {
                Assert.Equal(TermInterner.NoTerm, id);
            }
        }
        Assert.Equal(interner.Terms.Count, interner.Terms.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_vocabulary_many_times_the_first_table_keeps_every_word_apart()
    {
        // 70,000 distinct made-up words (some not ASCII) grow the cache's table and character pool
        // several times, and take term ids past 65,535 (an id is kept in the pool as two halves); each
        // word must still find its own term, before and after the growth.
        var random = new Random(11);
        var words = Enumerable.Range(0, 70_000)
            .Select(i => new string([.. Enumerable.Range(0, 3 + random.Next(12)).Select(_ => (char)('a' + random.Next(26)))]) + (i % 7 == 0 ? "é" : "") + i)
            .ToList();
        var interner = new TermInterner(Analyzer.Names);
        var first = words.Select(w => interner.Intern(w)).ToList();
        var second = words.Select(w => interner.Intern(w.ToUpperInvariant())).ToList();
        Assert.Equal(first, second);
        Assert.Equal(words.Count, first.Distinct().Count());
        Assert.True(first.Max() > char.MaxValue);
        for (var i = 0; i < words.Count; i += 997)
        {
            Analyzer.Names.TryNormalize(words[i], out var term);
            Assert.Equal(term, interner.Terms[first[i]]);
        }
    }
}
