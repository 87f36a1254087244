using System.Globalization;
using System.Text;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;

namespace Paperboy.Application.Citations;

/// <summary>
/// BibTeX entries for papers, in the shape arXiv's own export uses for e-prints: <c>@misc</c> with
/// <c>eprint</c>, <c>archivePrefix</c> and <c>primaryClass</c> (what biblatex and natbib's arXiv support
/// read), plus <c>doi</c> and <c>url</c>. Keys read <c>surname2024firstword</c>. Text is escaped for LaTeX;
/// non-ASCII letters are kept as UTF-8, which biber and bibtex8 read.
/// </summary>
public static class BibTexWriter
{
    private static readonly HashSet<string> SkippedTitleWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "on", "of", "in", "for", "and", "to", "with", "via", "from", "at", "by", "is", "are",
    };

    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das", "ter", "ten", "zu",
    };

    private static readonly HashSet<string> GroupWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "Collaboration", "Team", "Consortium", "Group", "Project",
    };

    private static readonly HashSet<string> NameSuffixes = new(StringComparer.OrdinalIgnoreCase) { "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV" };

    /// <summary>Entries for every paper, separated by a blank line; keys repeated within the batch get b, c, ... appended.</summary>
    public static string Write(IEnumerable<Paper> papers)
    {
        ArgumentNullException.ThrowIfNull(papers);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var paper in papers)
        {
            string key = KeyFor(paper);
            int seen = used.GetValueOrDefault(key);
            used[key] = seen + 1;
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }
            // The second entry with a key gets 'b', as author-year styles letter them; past 'z', a number.
            AppendEntry(builder, paper, seen == 0 ? key : key + (seen < 25 ? ((char)('a' + seen)).ToString() : seen.ToString(CultureInfo.InvariantCulture)));
        }
        return builder.ToString();
    }

    /// <summary>One entry.</summary>
    public static string Write(Paper paper) => Write([paper]);

    /// <summary>The citation key: first author's surname, year, first significant title word; ASCII letters and digits only.</summary>
    public static string KeyFor(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        string surname = paper.Authors.Count == 0 ? "" : KeyPart(SplitName(paper.Authors[0]).Last);
        string word = paper.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(KeyPart)
            .FirstOrDefault(w => w.Length > 0 && !SkippedTitleWords.Contains(w)) ?? "";
        string year = YearOf(paper)?.ToString(CultureInfo.InvariantCulture) ?? "";
        string key = (surname.Length > 0 ? surname : "anon") + year + word;
        return key;
    }

    /// <summary>Escapes LaTeX's special characters so that text prints as itself, with every brace the entry holds balanced.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            builder.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                // Not \{ and \}: BibTeX counts escaped braces too, so one unmatched brace would end the field.
                '{' => @"\textbraceleft{}",
                '}' => @"\textbraceright{}",
                '$' => @"\$",
                '&' => @"\&",
                '%' => @"\%",
                '#' => @"\#",
                '_' => @"\_",
                '^' => @"\textasciicircum{}",
                '~' => @"\textasciitilde{}",
                '<' => @"\textless{}",
                '>' => @"\textgreater{}",
                '\n' or '\r' or '\t' => " ",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    private static void AppendEntry(StringBuilder builder, Paper paper, string key)
    {
        builder.Append("@misc{").Append(key).Append(",\n");
        Field(builder, "title", Escape(paper.Title));
        if (paper.Authors.Count > 0)
        {
            Field(builder, "author", string.Join(" and ", paper.Authors.Select(AuthorField)));
        }
        if (YearOf(paper) is { } year)
        {
            Field(builder, "year", year.ToString(CultureInfo.InvariantCulture));
        }
        if (paper.ArxivId is not null)
        {
            Field(builder, "eprint", Verbatim(paper.ArxivId));
            Field(builder, "archivePrefix", "arXiv");
            if (paper.Categories.Count > 0)
            {
                Field(builder, "primaryClass", Verbatim(paper.Categories[0]));
            }
        }
        if (!string.IsNullOrWhiteSpace(paper.Doi))
        {
            Field(builder, "doi", Verbatim(paper.Doi.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(paper.JournalRef))
        {
            Field(builder, "note", Escape(paper.JournalRef.Trim()));
        }
        var links = paper.Links;
        if ((links.Abstract ?? links.Doi) is { } url)
        {
            Field(builder, "url", Verbatim(url.AbsoluteUri));
        }
        builder.Append("}\n");
    }

    private static void Field(StringBuilder builder, string name, string value) =>
        builder.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>
    /// Ids, DOIs and URLs are read verbatim by biblatex and the url package, so escaping would corrupt them;
    /// only what would break the braces or start a command is dropped.
    /// </summary>
    private static string Verbatim(string value) =>
        new(value.Where(c => c is not ('{' or '}' or '\\') && !char.IsControl(c)).ToArray());

    /// <summary>
    /// "Surname, Given" (with "Surname, Jr., Given" and particles kept with the surname: "van der Waals,
    /// Johannes"), so BibTeX splits names correctly; a name with "and" in it, or a collaboration, goes in
    /// braces so it is one name, not several.
    /// </summary>
    private static string AuthorField(string name)
    {
        string clean = Escape(name.Trim());
        if (clean.Contains(',', StringComparison.Ordinal)
            || clean.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => GroupWords.Contains(word)))
        {
            return "{" + clean + "}";
        }
        var (first, last, suffix) = SplitName(clean);
        return first.Length == 0 ? last
            : suffix.Length == 0 ? $"{last}, {first}"
            : $"{last}, {suffix}, {first}";
    }

    private static (string First, string Last, string Suffix) SplitName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string suffix = "";
        if (words.Count > 2 && NameSuffixes.Contains(words[^1]))
        {
            suffix = words[^1];
            words.RemoveAt(words.Count - 1);
        }
        if (words.Count <= 1)
        {
            return ("", words.Count == 1 ? words[0] : "", suffix);
        }
        int start = words.Count - 1;
        while (start > 1 && NameParticles.Contains(words[start - 1]))
        {
            start--;
        }
        return (string.Join(' ', words[..start]), string.Join(' ', words[start..]), suffix);
    }

    /// <summary>Lower-case ASCII letters and digits of a word, accents stripped ("Gödel" gives "godel").</summary>
    private static string KeyPart(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (char c in word.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>The year of first publication: the published date, the first version, or the yymm of a new-style arXiv id.</summary>
    private static int? YearOf(Paper paper)
    {
        if (paper.Published is { } published)
        {
            return published.Year;
        }
        if (paper.Versions.Count > 0 && paper.Versions.Min(v => v.Submitted) is { } submitted)
        {
            return submitted.Year;
        }
        if (paper.ArxivId is not null && ArxivId.TryParse(paper.ArxivId, out var id) && !id.IsOldStyle)
        {
            return 2000 + int.Parse(id.BaseId.AsSpan(0, 2), CultureInfo.InvariantCulture);
        }
        return null;
    }
}
