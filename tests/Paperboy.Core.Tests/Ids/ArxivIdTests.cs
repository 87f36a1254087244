using Paperboy.Core.Ids;

namespace Paperboy.Core.Tests.Ids;

public class ArxivIdTests
{
    [Theory]
    [InlineData("0704.0001", "0704.0001", null)]
    [InlineData("2401.01234", "2401.01234", null)]
    [InlineData("2401.01234v2", "2401.01234", 2)]
    [InlineData("1412.9999", "1412.9999", null)]
    [InlineData("1501.00001v12", "1501.00001", 12)]
    [InlineData("  2401.01234 \n", "2401.01234", null)]
    [InlineData("https://arxiv.org/abs/2401.01234", "2401.01234", null)]
    [InlineData("http://arxiv.org/abs/2401.01234v2", "2401.01234", 2)]
    [InlineData("arxiv.org/pdf/2401.01234v1.pdf", "2401.01234", 1)]
    [InlineData("https://arxiv.org/pdf/2401.01234", "2401.01234", null)]
    [InlineData("https://export.arxiv.org/abs/2401.01234", "2401.01234", null)]
    [InlineData("https://www.arxiv.org/abs/2401.01234v3?context=cs", "2401.01234", 3)]
    [InlineData("oai:arXiv.org:2401.01234", "2401.01234", null)]
    [InlineData("arXiv:2401.01234", "2401.01234", null)]
    [InlineData("arXiv:2401.01234v5", "2401.01234", 5)]
    public void New_style_ids_parse_in_every_form(string input, string baseId, int? version)
    {
        Assert.True(ArxivId.TryParse(input, out var id));
        Assert.Equal(baseId, id.BaseId);
        Assert.Equal(version, id.Version);
        Assert.False(id.IsOldStyle);
        Assert.Null(id.SubjectClass);
    }

    [Theory]
    [InlineData("hep-th/9901001", "hep-th/9901001", null, null)]
    [InlineData("hep-th/9901001v3", "hep-th/9901001", 3, null)]
    [InlineData("math.GT/0309136", "math/0309136", null, "GT")]
    [InlineData("math.GT/0309136v2", "math/0309136", 2, "GT")]
    [InlineData("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001", null, null)]
    [InlineData("http://arxiv.org/abs/astro-ph/9812133v1", "astro-ph/9812133", 1, null)]
    [InlineData("oai:arXiv.org:math/0211159", "math/0211159", null, null)]
    [InlineData("arXiv:cond-mat/0102536", "cond-mat/0102536", null, null)]
    public void Old_style_ids_parse_to_canonical_base_id(string input, string baseId, int? version, string? subjectClass)
    {
        Assert.True(ArxivId.TryParse(input, out var id));
        Assert.Equal(baseId, id.BaseId);
        Assert.Equal(version, id.Version);
        Assert.Equal(subjectClass, id.SubjectClass);
        Assert.True(id.IsOldStyle);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("INVALIDID")]
    [InlineData("1234.5")]
    [InlineData("2401.123456")]
    [InlineData("2413.01234")]
    [InlineData("2400.01234")]
    [InlineData("2401.1234")]
    [InlineData("1412.12345")]
    [InlineData("0703.0001")]
    [InlineData("2401.01234v0")]
    [InlineData("2401.01234v")]
    [InlineData("hep-th/9913001")]
    [InlineData("hep-th/990100")]
    [InlineData("https://example.org/abs/2401.01234")]
    [InlineData("arXiv:")]
    [InlineData("2401.01234 extra")]
    public void Garbage_is_rejected(string? input)
    {
        Assert.False(ArxivId.TryParse(input, out var id));
        Assert.Equal("", id.BaseId);
    }

    [Fact]
    public void Parse_throws_a_format_exception_naming_the_input()
    {
        var error = Assert.Throws<FormatException>(() => ArxivId.Parse("INVALIDID"));
        Assert.Contains("INVALIDID", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arxiv.org/abs/2401.01234v2", "2401.01234v2")]
    [InlineData("2401.01234", "2401.01234")]
    [InlineData("math.GT/0309136v1", "math/0309136v1")]
    public void ToString_includes_the_version_when_known(string input, string expected)
    {
        Assert.Equal(expected, ArxivId.Parse(input).ToString());
    }

    [Fact]
    public void Ids_of_the_same_version_are_equal_whatever_their_form()
    {
        Assert.Equal(ArxivId.Parse("https://arxiv.org/abs/2401.01234v2"), ArxivId.Parse("arXiv:2401.01234v2"));
        Assert.NotEqual(ArxivId.Parse("2401.01234v2"), ArxivId.Parse("2401.01234v1"));
        Assert.Equal(ArxivId.Parse("2401.01234"), ArxivId.Parse("2401.01234v1").WithoutVersion());
    }

    [Fact]
    public void Every_id_in_the_kaggle_sample_parses_as_new_style()
    {
        var ids = File.ReadLines(Fixtures.Path("kaggle-snapshot", "wanng-ide_arxiv-metadata-oai-snapshot_head.jsonl"))
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!)
            .ToList();

        Assert.Equal(200, ids.Count);
        Assert.All(ids, raw =>
        {
            Assert.True(ArxivId.TryParse(raw, out var id));
            Assert.Equal(raw, id.BaseId);
        });
    }

    [Fact]
    public void A_bare_new_style_id_parses_as_the_same_id_does_through_the_regex_path()
    {
        // "arXiv:" sends the same text through the wrapper and the new-style pattern; a bare id takes a shortcut.
        var random = new Random(3);
        var inputs = new List<string> { "0704.0001", "0703.0001", "0613.1234", "1501.00001", "1412.12345", "1501.0001", "9912.1234", "0000.0000" };
        for (var i = 0; i < 3000; i++)
        {
            inputs.Add($"{random.Next(0, 10000):D4}.{random.Next(0, 100000).ToString(random.Next(2) == 0 ? "D4" : "D5", System.Globalization.CultureInfo.InvariantCulture)}");
        }

        foreach (var input in inputs)
        {
            var bare = ArxivId.TryParse(input, out var shortcut);
            var wrapped = ArxivId.TryParse("arXiv:" + input, out var general);
            Assert.Equal(wrapped, bare);
            Assert.Equal(general, shortcut);
        }
        Assert.Contains(inputs, input => ArxivId.TryParse(input, out _));
        Assert.Contains(inputs, input => !ArxivId.TryParse(input, out _));
    }
}
