using Paperboy.Core.Ids;

namespace Paperboy.Core.Tests.Ids;

public class TitleKeyTests
{
    [Theory]
    [InlineData("Schrödinger Bridges", "schrodinger bridges")]
    [InlineData("  FlowSep:   Language-Queried Sound\nSeparation ", "flowsep language queried sound separation")]
    [InlineData("ReST^{EM}: Beyond Human Data", "rest em beyond human data")]
    [InlineData("ﬁne-tuning", "fine tuning")]
    [InlineData("!!!", "")]
    public void Normalize_folds_case_accents_and_punctuation(string title, string expected)
    {
        Assert.Equal(expected, TitleKey.Normalize(title));
    }

    [Fact]
    public void Whitespace_case_and_accent_variants_get_the_same_id()
    {
        var id = TitleKey.IdFor("Schrödinger Bridges for Sound");

        Assert.Equal(id, TitleKey.IdFor("schrodinger bridges for sound"));
        Assert.Equal(id, TitleKey.IdFor("  SCHRÖDINGER   Bridges\n  for Sound. "));
        Assert.Equal(id, TitleKey.IdFor("Schro\u0308dinger Bridges -- for Sound"));
    }

    [Fact]
    public void Different_titles_get_different_ids()
    {
        Assert.NotEqual(TitleKey.IdFor("Attention Is All You Need"), TitleKey.IdFor("Attention Is Not All You Need"));
    }

    [Fact]
    public void Id_is_the_prefix_and_sixteen_hex_digits_of_sha256()
    {
        // echo -n "attention is all you need" | sha256sum -> 4a1c934d3d98f3ce...
        var id = TitleKey.IdFor("Attention Is All You Need");

        Assert.Equal("title:4a1c934d3d98f3ce", id);
        Assert.Matches("^title:[0-9a-f]{16}$", id);
        Assert.True(TitleKey.IsTitleKey(id));
        Assert.False(TitleKey.IsTitleKey("2401.01234"));
    }

    [Fact]
    public void A_title_without_letters_or_digits_cannot_have_an_id()
    {
        var error = Assert.Throws<ArgumentException>(() => TitleKey.IdFor(" -- "));
        Assert.Contains("no letters or digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ascii_titles_get_the_key_of_the_general_normalisation_and_others_still_go_through_it()
    {
        var random = new Random(11);
        var titles = new List<string> { "", " ", "A", "a1 B2", "x" + new string('Y', 600) + " z", "Schrödinger  Bridges!", "ﬁne-tuning", "数据 Data" };
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 90)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = (char)random.Next(0, 128);
            }
            titles.Add(new string(chars));
        }

        foreach (var title in titles)
        {
            var normalized = TitleKey.Normalize(title);
            var expected = normalized.Length == 0
                ? null
                : TitleKey.Prefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(normalized))[..8]);
            Assert.Equal(expected, TitleKey.TryIdFor(title));
        }
    }
}
