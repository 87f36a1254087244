using System.Text;
using System.Text.Json;
using Paperboy.Core.Text;

namespace Paperboy.Core.Tests.Text;

/// <summary><see cref="TextCleaner.Clean"/> skips the rules for plain text; it must answer exactly as the general path does.</summary>
public class TextCleanerFastPathTests
{
    // Every character a rule starts with or looks at, whitespace of several kinds, controls, and plain letters.
    private const string Alphabet = "ab Z9.,'`-~$&{}\\()[]^\"\t\n\r\u000b\u000c\u0000\u0001\u007f\u0085\u00a0\u2003\u3000éß";

    [Fact]
    public void Random_text_cleans_the_same_with_and_without_the_fast_path()
    {
        var random = new Random(42);
        for (var n = 0; n < 50_000; n++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 24);
            // Mostly letters and spaces, so many strings are plain and take the fast path.
            var alphabet = random.Next(3) == 0 ? Alphabet : "ab Z9.,'-\t\n\u00a0";
            for (var i = 0; i < length; i++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }
            var raw = text.ToString();
            Assert.True(TextCleaner.CleanGeneral(raw) == TextCleaner.Clean(raw), $"differs for \"{JsonEncodedText.Encode(raw)}\"");
        }
    }

    [Fact]
    public void CleansTo_is_true_exactly_for_what_Clean_makes()
    {
        var random = new Random(43);
        var misses = 0;
        for (var n = 0; n < 50_000; n++)
        {
            var raw = RandomText(random, random.Next(3) == 0 ? Alphabet : "ab Z9.,'-\t\n\u00a0");
            var cleaned = TextCleaner.Clean(raw);
            Assert.True(TextCleaner.CleansTo(raw, cleaned), $"not its own cleaning: \"{JsonEncodedText.Encode(raw)}\"");
            // Another string, near or not: one character changed, cut short, grown, or cleaned from other text.
            var other = random.Next(4) switch
            {
                0 when cleaned.Length > 0 => cleaned.Remove(random.Next(cleaned.Length), 1).Insert(random.Next(cleaned.Length), "b"),
                1 when cleaned.Length > 0 => cleaned[..^1],
                2 => cleaned + (random.Next(2) == 0 ? " " : "a"),
                _ => TextCleaner.Clean(RandomText(random, Alphabet)),
            };
            var expected = other == cleaned;
            Assert.True(expected == TextCleaner.CleansTo(raw, other), $"\"{JsonEncodedText.Encode(raw)}\" against \"{JsonEncodedText.Encode(other)}\"");
            misses += expected ? 0 : 1;
        }
        Assert.True(misses > 30_000, $"only {misses} strings that differ");
        Assert.True(TextCleaner.CleansTo(null, ""));
        Assert.False(TextCleaner.CleansTo("", "a"));
    }

    [Fact]
    public void Long_texts_collapse_the_same_with_and_without_the_fast_path()
    {
        // Long enough for the vectorized searches to cover many characters at a time: words of plain
        // letters with, now and then, a line wrap, a double space, a tab, a control, or a character
        // outside ASCII (whitespace or not), near the start, the middle and the end.
        var random = new Random(44);
        string[] rare = ["\n", "  ", "\n  ", "\t", "\u0001", "\u007f", "\u00a0", "\u2003", "é", "\u03b1", " \n ", "   "];
        for (var n = 0; n < 5_000; n++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 400);
            while (text.Length < length)
            {
                text.Append(random.Next(12) == 0 ? rare[random.Next(rare.Length)] : "abcdefghijklmnopqrstuvwxyz ,.()0123"[random.Next(35)]);
            }
            var raw = text.ToString();
            var cleaned = TextCleaner.Clean(raw);
            Assert.True(TextCleaner.CleanGeneral(raw) == cleaned, $"differs for \"{JsonEncodedText.Encode(raw)}\"");
            Assert.True(TextCleaner.CleansTo(raw, cleaned), $"not its own cleaning: \"{JsonEncodedText.Encode(raw)}\"");
            if (cleaned.Length > 40)
            {
                var near = cleaned.Remove(cleaned.Length - 20, 1).Insert(cleaned.Length - 20, "#");
                Assert.False(TextCleaner.CleansTo(raw, near), $"\"{JsonEncodedText.Encode(raw)}\" against a near miss");
            }
        }
    }

    private static string RandomText(Random random, string alphabet)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 24);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }
        return text.ToString();
    }

    [Fact]
    public void Every_field_of_the_snapshot_fixture_cleans_the_same_with_and_without_the_fast_path()
    {
        var fields = 0;
        foreach (var line in File.ReadLines(Fixtures.Path("kaggle-snapshot", "wanng-ide_arxiv-metadata-oai-snapshot_head.jsonl")))
        {
            using var record = JsonDocument.Parse(line);
            foreach (var property in record.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                var raw = property.Value.GetString()!;
                Assert.Equal(TextCleaner.CleanGeneral(raw), TextCleaner.Clean(raw));
                fields++;
            }
        }
        Assert.True(fields > 1_000, $"only {fields} fields read");
    }

    [Theory]
    [InlineData("Plain title", true)]
    [InlineData("  Line\n  wrapped\tabstract  ", false)]
    [InlineData("a -- b", false)]
    [InlineData("it's a `quote'", true)]
    public void Plain_text_without_whitespace_to_collapse_comes_back_as_the_same_string(string raw, bool same)
    {
        var cleaned = TextCleaner.Clean(raw);

        Assert.Equal(same, ReferenceEquals(raw, cleaned));
        Assert.Equal(TextCleaner.CleanGeneral(raw), cleaned);
    }
}
