using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Paperboy.Ingest.Synthetic;

/// <summary>
/// Writes a deterministic synthetic corpus in the Kaggle arXiv metadata snapshot format (JSON Lines,
/// one paper a line, field names and date forms as the snapshot has them), for benchmarks and load
/// tests: the same paper count and seed give byte-identical output on every machine. Papers are
/// spread evenly over <see cref="FirstYear"/> to <see cref="LastYear"/>, with new-style ids
/// (YYMM.NNNNN) increasing through the file; a paper's text is about 1 KB.
/// </summary>
public static class SyntheticCorpus
{
    public const int FirstYear = 2015;
    public const int LastYear = 2024;
    private const int Months = (LastYear - FirstYear + 1) * 12;

    // A paper's author count 1..8, weighted like arXiv's (two to four is most common).
    private static readonly int[] AuthorCountWeights = [10, 20, 22, 18, 12, 8, 6, 4];
    private static readonly int[] ExtraCategoryWeights = [50, 35, 15];
    private static readonly int[] VersionCountWeights = [55, 30, 10, 5];
    private static readonly string[] Journals = ["B", "D", "E", "Lett."];
    private static readonly string[] TitleConnectors = ["of", "for", "and", "with", "in", "on", "via", "from", "to"];

    /// <summary>Writes <paramref name="papers"/> lines, each ending in "\n", to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, int papers, int seed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(papers);
        var perMonth = (papers + Months - 1) / Months;
        if (perMonth > 99_999)
        {
            throw new ArgumentOutOfRangeException(nameof(papers), papers, $"synthetic corpus: at most {Months * 99_999} papers fit the new-style id scheme");
        }

        var vocabulary = SyntheticVocabulary.Create(seed);
        var random = new SyntheticRandom(seed, stream: 2);
        // Gaps between consecutive numbers, as in real months, while the month's last number stays below 100000.
        var maxGap = Math.Clamp(99_999 / Math.Max(1, perMonth), 1, 3);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var json = new Utf8JsonWriter(buffer);
        var month = -1;
        var number = 0;
        for (var i = 0; i < papers; i++)
        {
            var paperMonth = (int)((long)i * Months / papers);
            if (paperMonth != month)
            {
                month = paperMonth;
                number = 0;
            }
            number += random.Between(1, maxGap);
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            WritePaper(json, vocabulary, random, FirstYear + month / 12, month % 12 + 1, number);
            json.Flush();
            output.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            output.Write('\n');
        }
    }

    /// <summary>Writes the corpus to a UTF-8 file (no byte order mark), replacing it.</summary>
    public static void WriteFile(string path, int papers, int seed)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16);
        Write(writer, papers, seed);
    }

    private static void WritePaper(Utf8JsonWriter json, SyntheticVocabulary vocabulary, SyntheticRandom random, int year, int month, int number)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{year % 100:D2}{month:D2}.{number:D5}");
        var authors = PickAuthors(vocabulary, random);
        var categories = PickCategories(vocabulary, random);
        var versions = MakeVersions(random, year, month);
        var title = MakeTitle(vocabulary, random);
        var summary = MakeAbstract(vocabulary, random);

        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("submitter", $"{authors[0].Given} {authors[0].Family}");
        json.WriteString("authors", JoinAuthors(authors));
        json.WriteString("title", Wrap(title, 72, "\n  ", prefix: "", suffix: ""));
        WriteOptional(json, "comments", random.Chance(0.6)
            ? string.Create(CultureInfo.InvariantCulture, $"{random.Between(4, 40)} pages, {random.Between(1, 15)} figures")
            : null);
        WriteOptional(json, "journal-ref", random.Chance(0.15)
            ? string.Create(CultureInfo.InvariantCulture, $"Phys. Rev. {random.Pick(Journals)} {random.Between(90, 110)}, {random.Between(1000, 99999)} ({year + random.Between(0, 1)})")
            : null);
        WriteOptional(json, "doi", random.Chance(0.2)
            ? string.Create(CultureInfo.InvariantCulture, $"10.{random.Between(1000, 1200)}/{random.Between(100000, 999999)}")
            : null);
        json.WriteNull("report-no");
        json.WriteString("categories", string.Join(' ', categories));
        WriteOptional(json, "license", random.Chance(0.2) ? null : random.Pick(SyntheticWords.Licenses));
        // The snapshot indents abstracts by two spaces, wraps them near 80 columns and ends them with a newline.
        json.WriteString("abstract", Wrap(summary, 78, "\n", prefix: "  ", suffix: "\n"));
        json.WriteStartArray("versions");
        for (var v = 0; v < versions.Count; v++)
        {
            json.WriteStartObject();
            json.WriteString("version", string.Create(CultureInfo.InvariantCulture, $"v{v + 1}"));
            // RFC 822 section 5.1 as arXiv writes it: "Mon, 2 Apr 2007 19:18:42 GMT".
            json.WriteString("created", versions[v].ToString("ddd, d MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("update_date", versions[^1].AddDays(random.Between(0, 30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartArray("authors_parsed");
        foreach (var (given, family) in authors)
        {
            json.WriteStartArray();
            json.WriteStringValue(family);
            json.WriteStringValue(given);
            json.WriteStringValue("");
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static List<(string Given, string Family)> PickAuthors(SyntheticVocabulary vocabulary, SyntheticRandom random)
    {
        var count = random.Weighted(AuthorCountWeights) + 1;
        var chosen = new List<(string, string)>(count);
        var seen = new HashSet<int>();
        while (chosen.Count < count)
        {
            // Zipf over the pool: a few prolific authors, a long tail of one-paper ones.
            var index = vocabulary.AuthorSampler.Sample(random);
            if (seen.Add(index))
            {
                chosen.Add(vocabulary.Authors[index]);
            }
        }
        return chosen;
    }

    private static string JoinAuthors(List<(string Given, string Family)> authors)
    {
        var names = authors.Select(a => $"{a.Given} {a.Family}").ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
    }

    private static List<string> PickCategories(SyntheticVocabulary vocabulary, SyntheticRandom random)
    {
        var count = random.Weighted(ExtraCategoryWeights) + 1;
        var categories = new List<string>(count);
        while (categories.Count < count)
        {
            // The primary category comes first, as in the snapshot; cross-lists follow.
            var category = SyntheticWords.Categories[random.Weighted(vocabulary.CategoryWeights)].Category;
            if (!categories.Contains(category))
            {
                categories.Add(category);
            }
        }
        return categories;
    }

    private static List<DateTime> MakeVersions(SyntheticRandom random, int year, int month)
    {
        var first = new DateTime(year, month, random.Between(1, 28), random.Between(0, 23), random.Between(0, 59), random.Between(0, 59), DateTimeKind.Utc);
        var versions = new List<DateTime> { first };
        var count = random.Weighted(VersionCountWeights) + 1;
        while (versions.Count < count)
        {
            versions.Add(versions[^1].AddDays(random.Between(1, 200)).AddSeconds(random.Between(0, 86_399)));
        }
        return versions;
    }

    private static string MakeTitle(SyntheticVocabulary vocabulary, SyntheticRandom random)
    {
        var length = random.Between(8, 12);
        var words = new List<string>(length + 2);
        var phraseAt = random.Chance(0.5) ? random.Next(length - 2) : -1;
        while (words.Count < length)
        {
            if (words.Count == phraseAt)
            {
                words.AddRange(vocabulary.Phrases[vocabulary.PhraseSampler.Sample(random)]);
            }
            else if (words.Count > 0 && words.Count < length - 1 && random.Chance(0.2))
            {
                words.Add(random.Pick(TitleConnectors));
            }
            else
            {
                words.Add(vocabulary.ContentWord(random));
            }
        }
        // Title case for content words; connectors stay lower case, except the first word.
        for (var i = 0; i < words.Count; i++)
        {
            if (i == 0 || !TitleConnectors.Contains(words[i]))
            {
                words[i] = char.ToUpperInvariant(words[i][0]) + words[i][1..];
            }
        }
        return string.Join(' ', words);
    }

    private static string MakeAbstract(SyntheticVocabulary vocabulary, SyntheticRandom random)
    {
        var target = random.Between(150, 200);
        var text = new StringBuilder(target * 8);
        var written = 0;
        while (written < target)
        {
            var sentenceLength = Math.Min(random.Between(10, 28), target - written);
            var sentence = new List<string>(sentenceLength + 2);
            while (sentence.Count < sentenceLength)
            {
                // About one slot in twenty is a recurring phrase, so phrase queries have real matches.
                if (random.Chance(0.05))
                {
                    sentence.AddRange(vocabulary.Phrases[vocabulary.PhraseSampler.Sample(random)]);
                }
                else
                {
                    sentence.Add(vocabulary.Words[vocabulary.WordSampler.Sample(random)]);
                }
            }
            sentence[0] = char.ToUpperInvariant(sentence[0][0]) + sentence[0][1..];
            for (var i = 0; i < sentence.Count; i++)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }
                text.Append(sentence[i]);
                if (i > 2 && i < sentence.Count - 3 && random.Chance(0.04))
                {
                    text.Append(',');
                }
            }
            text.Append('.');
            written += sentence.Count;
        }
        return text.ToString();
    }

    private static string Wrap(string text, int width, string lineBreak, string prefix, string suffix)
    {
        var builder = new StringBuilder(text.Length + text.Length / width * lineBreak.Length + prefix.Length + suffix.Length);
        builder.Append(prefix);
        var column = prefix.Length;
        var first = true;
        foreach (var word in text.Split(' '))
        {
            if (!first && column + 1 + word.Length > width)
            {
                builder.Append(lineBreak);
                column = lineBreak.Length - 1;
            }
            else if (!first)
            {
                builder.Append(' ');
                column++;
            }
            builder.Append(word);
            column += word.Length;
            first = false;
        }
        builder.Append(suffix);
        return builder.ToString();
    }
}
