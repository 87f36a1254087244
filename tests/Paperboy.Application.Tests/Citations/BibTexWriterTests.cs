using Paperboy.Application.Citations;
using Paperboy.Core.Papers;

namespace Paperboy.Application.Tests.Citations;

public sealed class BibTexWriterTests
{
    private static Paper Paper(string title, IReadOnlyList<string> authors, string? arxivId = "2403.03206", string? doi = null) => new()
    {
        Id = arxivId ?? "title:abc",
        ArxivId = arxivId,
        Title = title,
        Authors = authors,
        Categories = ["cs.CV", "cs.LG"],
        Published = new DateTimeOffset(2024, 3, 5, 0, 0, 0, TimeSpan.Zero),
        Doi = doi,
    };

    [Fact]
    public void An_arxiv_paper_is_a_misc_entry_with_eprint_fields()
    {
        string entry = BibTexWriter.Write(Paper("Scaling Rectified Flow Transformers for High-Resolution Image Synthesis",
            ["Patrick Esser", "Sumith Kulal"], doi: "10.48550/arXiv.2403.03206"));

        Assert.Equal(
            "@misc{esser2024scaling,\n" +
            "  title = {Scaling Rectified Flow Transformers for High-Resolution Image Synthesis},\n" +
            "  author = {Esser, Patrick and Kulal, Sumith},\n" +
            "  year = {2024},\n" +
            "  eprint = {2403.03206},\n" +
            "  archivePrefix = {arXiv},\n" +
            "  primaryClass = {cs.CV},\n" +
            "  doi = {10.48550/arXiv.2403.03206},\n" +
            "  url = {https://arxiv.org/abs/2403.03206},\n" +
            "}\n", entry);
    }

    [Fact]
    public void Latex_specials_in_titles_and_names_are_escaped()
    {
        string entry = BibTexWriter.Write(Paper(@"100% of {braces} & $dollars$ #1 under_score ^ ~ \ <x>", ["Ada O'Neil_x"]));

        Assert.Contains(@"  title = {100\% of \textbraceleft{}braces\textbraceright{} \& \$dollars\$ \#1 under\_score \textasciicircum{} \textasciitilde{} \textbackslash{} \textless{}x\textgreater{}},", entry, StringComparison.Ordinal);
        Assert.Contains(@"  author = {O'Neil\_x, Ada},", entry, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("An unmatched { brace")]
    [InlineData("A closing } first, then { one")]
    [InlineData(@"A \{ already escaped")]
    public void Every_entry_keeps_its_braces_balanced_whatever_the_title_holds(string title)
    {
        string entry = BibTexWriter.Write(Paper(title, ["Ada Lovelace"]));

        var depth = 0;
        foreach (char c in entry)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            Assert.True(depth >= 0, $"a brace closes before it opens in {entry}");
        }
        Assert.Equal(0, depth);
    }

    [Fact]
    public void Keys_skip_small_title_words_fold_accents_and_are_lettered_when_repeated()
    {
        var first = Paper("On the Gödel Machine", ["Kurt Gödel"]);
        var second = Paper("On the Gödel Machines", ["Kurt Gödel"]);

        string both = BibTexWriter.Write([first, second]);

        Assert.Equal("godel2024godel", BibTexWriter.KeyFor(first));
        Assert.Contains("@misc{godel2024godel,", both, StringComparison.Ordinal);
        Assert.Contains("@misc{godel2024godelb,", both, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Johannes Diderik van der Waals", "van der Waals, Johannes Diderik")]
    [InlineData("Martin Luther King Jr.", "King, Jr., Martin Luther")]
    [InlineData("The ATLAS Collaboration", "{The ATLAS Collaboration}")]
    [InlineData("Plato", "Plato")]
    public void Names_are_written_surname_first(string name, string expected)
    {
        string entry = BibTexWriter.Write(Paper("Title", [name]));

        Assert.Contains($"  author = {{{expected}}},", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paper_known_only_by_title_has_no_eprint_and_takes_its_year_from_the_date()
    {
        string entry = BibTexWriter.Write(Paper("A Saved Page Paper", ["Grace Hopper"], arxivId: null));

        Assert.Equal("@misc{hopper2024saved,\n  title = {A Saved Page Paper},\n  author = {Hopper, Grace},\n  year = {2024},\n}\n", entry);
    }
}
