using Paperboy.Core.Citations;
using Paperboy.Core.Papers;

namespace Paperboy.Core.Tests.Citations;

public sealed class BibTexTests
{
    [Fact]
    public void An_arxiv_paper_is_a_misc_entry_with_the_eprint_fields()
    {
        var paper = new Paper
        {
            Id = "1706.03762",
            ArxivId = "1706.03762",
            Title = "Attention Is All You Need",
            Authors = ["Ashish Vaswani", "Noam Shazeer"],
            Categories = ["cs.CL", "cs.LG"],
            Published = new DateTimeOffset(2017, 6, 12, 17, 57, 34, TimeSpan.Zero),
            Doi = "10.48550/arXiv.1706.03762",
        };

        Assert.Equal(
            "@misc{vaswani2017attention,\n" +
            "  title = {Attention Is All You Need},\n" +
            "  author = {Ashish Vaswani and Noam Shazeer},\n" +
            "  year = {2017},\n" +
            "  month = {jun},\n" +
            "  eprint = {1706.03762},\n" +
            "  archivePrefix = {arXiv},\n" +
            "  primaryClass = {cs.CL},\n" +
            "  doi = {10.48550/arXiv.1706.03762},\n" +
            "  url = {https://arxiv.org/abs/1706.03762},\n" +
            "}\n",
            BibTex.Entry(paper));
    }

    [Fact]
    public void Tex_specials_in_a_title_are_escaped_so_braces_stay_balanced()
    {
        var paper = new Paper { Id = "title:1", Title = "50% of {R&D} costs $x_1$ ~ 3^2 \\ more #1" };

        string entry = BibTex.Entry(paper);

        Assert.Contains(
            "title = {50\\% of \\{R\\&D\\} costs \\$x\\_1\\$ \\textasciitilde{} 3\\textasciicircum{}2 \\textbackslash{} more \\#1}",
            entry, StringComparison.Ordinal);
        Assert.StartsWith("@misc{costs,", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("eprint", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_folds_accents_and_falls_back_when_nothing_is_known()
    {
        Assert.Equal("muller2021graphs", BibTex.Key(new Paper
        {
            Id = "x",
            Title = "On graphs",
            Authors = ["Jörg Müller"],
            Published = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero),
        }));
        Assert.Equal("paper", BibTex.Key(new Paper { Id = "x", Title = "A b" }));
    }
}
