using Paperboy.Search.Analysis;

namespace Paperboy.Search.Tests.Analysis;

public class TextFolderTests
{
    [Theory]
    [InlineData("Schrödinger", "schrodinger")]
    [InlineData("ÉCOLE", "ecole")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ærø", "aero")]
    [InlineData("Łódź", "lodz")]
    [InlineData("naïve", "naive")]
    [InlineData("cafe\u0301", "cafe")]
    [InlineData("O'Brien", "obrien")]
    [InlineData("don\u2019t", "dont")]
    [InlineData("Σοφία", "σοφια")]
    [InlineData("ABC123", "abc123")]
    public void Fold_lower_cases_and_removes_accents(string word, string expected)
    {
        Assert.Equal(expected, TextFolder.Fold(word));
    }

    [Fact]
    public void Fast_fold_agrees_with_the_reference_fold_on_random_words()
    {
        var random = new Random(17);
        const string alphabet = "abcXYZ09'-éÖßøŁñ\u0301Ωж";
        for (var n = 0; n < 5000; n++)
        {
            var chars = new char[random.Next(1, 12)];
            for (var i = 0; i < chars.Length; i++)
            {
                // Half the words are pure ASCII so the fast path is exercised as much as the slow one.
                chars[i] = n % 2 == 0 ? alphabet[random.Next(10)] : alphabet[random.Next(alphabet.Length)];
            }
            var word = new string(chars);
            Assert.Equal(TextFolder.FoldReference(word), TextFolder.Fold(word));
        }
    }
}
