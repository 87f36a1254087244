using System.Text.Json;
using Paperboy.Core.Text;

namespace Paperboy.Core.Tests.Text;

public class TextCleanerTests
{
    [Theory]
    [InlineData("A &amp; B", "A & B")]
    [InlineData("x &lt; y &gt; z", "x < y > z")]
    [InlineData("it&#39;s &quot;fine&quot;", "it's \"fine\"")]
    public void Html_entities_are_decoded(string raw, string expected) => Assert.Equal(expected, TextCleaner.Clean(raw));

    [Theory]
    [InlineData(@"Schr\""odinger", "Schrödinger")]
    [InlineData(@"Schr\""{o}dinger", "Schrödinger")]
    [InlineData(@"Schr{\""o}dinger", "Schrödinger")]
    [InlineData(@"caf\'e", "café")]
    [InlineData(@"\`a la", "à la")]
    [InlineData(@"h\^otel", "hôtel")]
    [InlineData(@"se\~nor", "señor")]
    [InlineData(@"gar\c{c}on", "garçon")]
    [InlineData(@"\v{S}r\'amek", "Šrámek")]
    [InlineData(@"Tom\'a\v{s}", "Tomáš")]
    [InlineData(@"\u{a}", "ă")]
    [InlineData(@"\=a", "ā")]
    [InlineData(@"\.z", "ż")]
    [InlineData(@"Erd\H{o}s", "Erdős")]
    [InlineData(@"na\""{\i}ve", "naïve")]
    [InlineData(@"Stra\ss e", "Straße")]
    [InlineData(@"{\ss}", "ß")]
    [InlineData(@"Mikkel {\O}bro", "Mikkel Øbro")]
    [InlineData(@"S\o ren", "Søren")]
    [InlineData(@"\aa ngstr\""om", "ångström")]
    [InlineData(@"\AA", "Å")]
    [InlineData(@"\ae on", "æon")]
    [InlineData(@"Polyak-\L ojasiewicz", "Polyak-Łojasiewicz")]
    [InlineData(@"Micha\l{} Nowak", "Michał Nowak")]
    [InlineData(@"Mo\^usai", "Moûsai")]
    [InlineData(@"Fr\'echet", "Fréchet")]
    public void Tex_accents_become_unicode_letters(string raw, string expected) => Assert.Equal(expected, TextCleaner.Clean(raw));

    [Theory]
    [InlineData(@"10\% faster", "10% faster")]
    [InlineData(@"R\&D", "R&D")]
    [InlineData(@"snake\_case", "snake_case")]
    [InlineData(@"\#1", "#1")]
    [InlineData(@"costs \$5", "costs $5")]
    [InlineData(@"a set \{x\}", "a set {x}")]
    public void Escaped_specials_become_the_character(string raw, string expected) => Assert.Equal(expected, TextCleaner.Clean(raw));

    [Theory]
    [InlineData("``like this''", "\u201Clike this\u201D")]
    [InlineData("pages 1--10", "pages 1\u201310")]
    [InlineData("yes---no", "yes\u2014no")]
    [InlineData("D0 --> K- e+ nue", "D0 --> K- e+ nue")]
    public void Tex_quotes_and_dashes_become_typographic(string raw, string expected) => Assert.Equal(expected, TextCleaner.Clean(raw));

    [Theory]
    [InlineData(@"\emph{x}", "x")]
    [InlineData(@"a \textit{very} \textbf{bold} \texttt{code} idea", "a very bold code idea")]
    [InlineData(@"the {\em replica symmetry breaking}", "the replica symmetry breaking")]
    [InlineData(@"{B}ayesian", "Bayesian")]
    public void Text_style_macros_keep_only_their_argument(string raw, string expected) => Assert.Equal(expected, TextCleaner.Clean(raw));

    [Theory]
    [InlineData("the $(k,\\ell)$-pebble game", "the $(k,\\ell)$-pebble game")]
    [InlineData("$a--b$ and a--b", "$a--b$ and a\u2013b")]
    [InlineData("$\\{x\\}$ and {x}", "$\\{x\\}$ and x")]
    [InlineData("$$\\sum_i\n   x_i$$ done", "$$\\sum_i x_i$$ done")]
    [InlineData("$\\emph{x}$", "$\\emph{x}$")]
    [InlineData("\\(a''\\) b", "\\(a''\\) b")]
    [InlineData("cost $x\\$y$", "cost $x\\$y$")]
    public void Math_is_kept_verbatim_with_wraps_collapsed(string raw, string expected) => Assert.Equal(expected, TextCleaner.Clean(raw));

    [Theory]
    [InlineData("  A fully differential\npresented for the\n  production.\n", "A fully differential presented for the production.")]
    [InlineData("tab\t\tand  spaces", "tab and spaces")]
    [InlineData("Fig.~2", "Fig. 2")]
    [InlineData("http://host/~user/x", "http://host/~user/x")]
    public void Line_wraps_and_whitespace_runs_collapse(string raw, string expected) => Assert.Equal(expected, TextCleaner.Clean(raw));

    [Theory]
    [InlineData("a lone $15 per paper", "a lone $15 per paper")]
    [InlineData("unbalanced {brace", "unbalanced brace")]
    [InlineData("trailing backslash \\", "trailing backslash")]
    [InlineData("accent at end \\\"", "accent at end \"")]
    [InlineData("\\unknownmacro stays", "\\unknownmacro stays")]
    [InlineData("\\c", "")]
    [InlineData("nul\0char", "nul char")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Malformed_input_is_read_as_text(string? raw, string expected) => Assert.Equal(expected, TextCleaner.Clean(raw));

    [Fact]
    public void Random_tex_like_input_never_throws()
    {
        // A cheap fuzz: every prefix-heavy mix of the characters the scanner branches on.
        const string alphabet = "\\{}$`'\"-~^=.&;#a cio\n(";
        var random = new Random(20240101);
        for (var n = 0; n < 20_000; n++)
        {
            var chars = new char[random.Next(0, 16)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var cleaned = TextCleaner.Clean(new string(chars));
            Assert.Equal(cleaned.Trim(), cleaned);
        }
    }

    [Fact]
    public void Kaggle_titles_and_authors_clean_to_their_unicode_forms()
    {
        var records = File.ReadLines(Fixtures.Path("kaggle-snapshot", "wanng-ide_arxiv-metadata-oai-snapshot_head.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.Equal(
            "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
            TextCleaner.Clean(records["0704.0001"].GetProperty("title").GetString()));
        Assert.Equal(
            "C. Balázs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan",
            TextCleaner.Clean(records["0704.0001"].GetProperty("authors").GetString()));
        Assert.Equal(
            "Rastislav Šrámek, Broňa Brejová, Tomáš Vinař",
            TextCleaner.Clean(records["0704.0062"].GetProperty("authors").GetString()));
        Assert.StartsWith(
            "We describe a new algorithm, the $(k,\\ell)$-pebble game with colors, and use it obtain",
            TextCleaner.Clean(records["0704.0002"].GetProperty("abstract").GetString()), StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_page_abstract_residue_is_cleaned()
    {
        var page = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", "004_1af3005760444885.txt"));
        var line = page.Split('\n').First(l => l.Contains("Polyak-", StringComparison.Ordinal));

        var cleaned = TextCleaner.Clean(line);

        Assert.Contains("Polyak-Łojasiewicz", cleaned, StringComparison.Ordinal);
        Assert.DoesNotContain('\\', cleaned);
    }

    [Theory]
    [InlineData(@"P\'eter E. Frenkel", "Péter E. Frenkel")]
    [InlineData(" Neal J. Evans II ,", "Neal J. Evans II")]
    public void Author_names_are_cleaned_and_trimmed(string raw, string expected) =>
        Assert.Equal(expected, TextCleaner.CleanAuthorName(raw));
}
