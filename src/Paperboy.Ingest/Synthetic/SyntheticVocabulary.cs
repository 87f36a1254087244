namespace Paperboy.Ingest.Synthetic;

/// <summary>
/// The words, phrases, authors and categories a synthetic corpus is written from, all derived from
/// the seed. Words are ranked by frequency: function words first, then real scientific words spread
/// between pronounceable made-up ones, so text drawn by Zipf rank looks like an abstract and the
/// dictionary has a realistic long tail. <see cref="SyntheticQueries"/> rebuilds the same vocabulary
/// from the same seed, so its queries hit the corpus.
/// </summary>
internal sealed class SyntheticVocabulary
{
    public const int WordCount = 40_000;
    public const int PhraseCount = 4_000;
    public const int AuthorCount = 20_000;

    /// <summary>Phrase words and query terms come from ranks below this: frequent enough to recur.</summary>
    public const int TopicalRanks = 8_000;

    private SyntheticVocabulary(string[] words, string[][] phrases, (string Given, string Family)[] authors)
    {
        Words = words;
        Phrases = phrases;
        Authors = authors;
        WordSampler = new ZipfSampler(words.Length);
        ContentSampler = new ZipfSampler(words.Length - ContentStart);
        PhraseSampler = new ZipfSampler(phrases.Length);
        AuthorSampler = new ZipfSampler(authors.Length);
        CategoryWeights = SyntheticWords.Categories.Select(c => c.Weight).ToArray();
    }

    /// <summary>Words by rank, most frequent first.</summary>
    public string[] Words { get; }

    /// <summary>The rank of the first word that is not a function word.</summary>
    public static int ContentStart => SyntheticWords.Function.Length;

    public string[][] Phrases { get; }
    public (string Given, string Family)[] Authors { get; }
    public ZipfSampler WordSampler { get; }
    public ZipfSampler ContentSampler { get; }
    public ZipfSampler PhraseSampler { get; }
    public ZipfSampler AuthorSampler { get; }
    public int[] CategoryWeights { get; }

    public string ContentWord(SyntheticRandom random) => Words[ContentStart + ContentSampler.Sample(random)];

    public static SyntheticVocabulary Create(int seed)
    {
        var random = new SyntheticRandom(seed, stream: 1);
        var taken = new HashSet<string>(SyntheticWords.Function, StringComparer.Ordinal);
        taken.UnionWith(SyntheticWords.Reserved);
        var scientific = SyntheticWords.Scientific.Where(taken.Add).ToList();
        Shuffle(scientific, random);

        var words = new List<string>(WordCount);
        words.AddRange(SyntheticWords.Function);
        var nextReal = 0;
        while (words.Count < WordCount)
        {
            // Every third upper rank is a real word until they run out; the rest are made up.
            if (words.Count % 3 == 0 && nextReal < scientific.Count)
            {
                words.Add(scientific[nextReal++]);
                continue;
            }
            var made = MakeWord(random, words.Count);
            if (made.Length >= 4 && taken.Add(made))
            {
                words.Add(made);
            }
        }

        var phrases = new List<string[]>(PhraseCount);
        var phraseKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in SyntheticWords.Phrases)
        {
            phraseKeys.Add(phrase);
            phrases.Add(phrase.Split(' '));
        }
        while (phrases.Count < PhraseCount)
        {
            var length = random.Chance(0.7) ? 2 : 3;
            var parts = new string[length];
            for (var i = 0; i < length; i++)
            {
                parts[i] = words[random.LogUniform(ContentStart, TopicalRanks)];
            }
            if (parts.Distinct(StringComparer.Ordinal).Count() == length && phraseKeys.Add(string.Join(' ', parts)))
            {
                phrases.Add(parts);
            }
        }
        Shuffle(phrases, random); // the famous phrases should not all be the most frequent ones

        var authors = new (string, string)[AuthorCount];
        for (var i = 0; i < authors.Length; i++)
        {
            var family = MakeSyllables(random, random.Between(2, 3));
            while (family.Length < 3)
            {
                family += MakeSyllables(random, 1);
            }
            authors[i] = (random.Pick(SyntheticWords.GivenNames), char.ToUpperInvariant(family[0]) + family[1..]);
        }

        return new SyntheticVocabulary([.. words], [.. phrases], authors);
    }

    // Frequent words are short, rare ones long (Zipf's law of abbreviation), averaging about six letters.
    private static string MakeWord(SyntheticRandom random, int rank)
    {
        var syllables = rank < 5_000 ? random.Between(1, 2) : rank < 20_000 ? 2 : random.Between(2, 3);
        var word = MakeSyllables(random, syllables);
        return random.Chance(0.2) ? word + random.Pick(SyntheticWords.Suffixes) : word;
    }

    private static string MakeSyllables(SyntheticRandom random, int count)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(random.Pick(SyntheticWords.Onsets))
                .Append(random.Pick(SyntheticWords.Vowels))
                .Append(random.Pick(SyntheticWords.Codas));
        }
        return builder.ToString();
    }

    // Fisher-Yates with our own generator, so the order depends only on the seed.
    private static void Shuffle<T>(List<T> items, SyntheticRandom random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
