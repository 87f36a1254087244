using System.Text.RegularExpressions;

namespace Paperboy.Browser.Tests;

/// <summary>The library's BibTeX export as the browser downloads it.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExportTests(BrowserFixture fixture)
{
    // Every character LaTeX treats specially, as arXiv titles carry them.
    private const string SpecialTitle = @"Export probe: 50% of {sparse} $O(n^2)$ costs & C# tricks_v2 ~ \emph <fast>";
    private const string EscapedTitle =
        @"Export probe: 50\% of \textbraceleft{}sparse\textbraceright{} \$O(n\textasciicircum{}2)\$ costs \& C\# tricks\_v2 \textasciitilde{} \textbackslash{}emph \textless{}fast\textgreater{}";

    [Fact]
    public async Task BibTeX_export_of_the_whole_library_holds_an_eprint_entry_per_paper_with_the_title_escaped()
    {
        var special = TestPapers.Make("2405.82001", SpecialTitle, authors: ["Grace Hopper"]);
        var plain = TestPapers.Make("2405.82002", "Export probe: okapi stripes", authors: ["Alan Turing"]);
        await fixture.App.AddPapersAsync([special, plain], CancellationToken.None);
        await using var session = await fixture.OpenSignedInAsync("exporter");
        await Site.SaveToLibraryAsync(session, special.Id);
        await Site.SaveToLibraryAsync(session, plain.Id);
        await session.GotoAsync("/library");

        var download = await session.Page.RunAndWaitForDownloadAsync(() => Site.ExportButton(session.Page, "BibTeX").ClickAsync());

        Assert.Equal("paperboy-library.bib", download.SuggestedFilename);
        string bibtex = await File.ReadAllTextAsync(await download.PathAsync());
        var entries = Entries(bibtex);
        Assert.Equal(2, entries.Count);
        string specialEntry = Assert.Single(entries, e => e.Contains("eprint = {2405.82001},", StringComparison.Ordinal));
        Assert.StartsWith("@misc{hopper2024export,\n", specialEntry, StringComparison.Ordinal);
        Assert.Contains($"  title = {{{EscapedTitle}}},\n", specialEntry, StringComparison.Ordinal);
        Assert.Contains("  author = {Hopper, Grace},\n", specialEntry, StringComparison.Ordinal);
        Assert.Contains("  archivePrefix = {arXiv},\n", specialEntry, StringComparison.Ordinal);
        Assert.Contains("  url = {https://arxiv.org/abs/2405.82001},\n", specialEntry, StringComparison.Ordinal);
        Assert.True(BracesBalance(specialEntry), specialEntry);
        string plainEntry = Assert.Single(entries, e => e.Contains("eprint = {2405.82002},", StringComparison.Ordinal));
        Assert.Contains("  title = {Export probe: okapi stripes},\n", plainEntry, StringComparison.Ordinal);
        await session.AssertCleanAsync();
    }

    [Fact]
    public async Task BibTeX_export_of_the_ticked_papers_holds_only_those()
    {
        var wanted = TestPapers.Make("2405.82003", "Export probe: ticked gazelle", authors: ["Emmy Noether"]);
        var unwanted = TestPapers.Make("2405.82004", "Export probe: unticked gnu");
        await fixture.App.AddPapersAsync([wanted, unwanted], CancellationToken.None);
        await using var session = await fixture.OpenSignedInAsync("picker");
        await Site.SaveToLibraryAsync(session, wanted.Id);
        await Site.SaveToLibraryAsync(session, unwanted.Id);
        await session.GotoAsync("/library");

        await Site.ExportTick(Site.LibraryItem(session.Page, wanted.Title)).CheckAsync();
        var download = await session.Page.RunAndWaitForDownloadAsync(() => Site.ExportButton(session.Page, "BibTeX").ClickAsync());

        string entry = Assert.Single(Entries(await File.ReadAllTextAsync(await download.PathAsync())));
        Assert.StartsWith("@misc{noether2024export,\n  title = {Export probe: ticked gazelle},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  eprint = {2405.82003},\n", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("2405.82004", entry, StringComparison.Ordinal);
        await session.AssertCleanAsync();
    }

    /// <summary>The entries of a .bib file, each from its "@" to the line before the next.</summary>
    private static List<string> Entries(string bibtex) =>
        EntryStart().Split(bibtex).Where(e => e.Length > 0).Select(e => "@" + e.TrimEnd('\n') + "\n").ToList();

    /// <summary>
    /// BibTeX counts every brace, escaped or not, when it reads a field, so an entry is readable only
    /// when its braces balance and never close more than are open.
    /// </summary>
    private static bool BracesBalance(string entry)
    {
        int depth = 0;
        foreach (char c in entry)
        {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }
        return depth == 0;
    }

    [GeneratedRegex("^@", RegexOptions.Multiline)]
    private static partial Regex EntryStart();
}
