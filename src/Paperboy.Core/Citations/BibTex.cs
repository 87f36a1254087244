using System.Globalization;
using System.Text;
using Paperboy.Core.Papers;

namespace Paperboy.Core.Citations;

/// <summary>
/// One paper as a BibTeX entry, for the paper page's "copy BibTeX" and <c>/papers/{id}/bibtex</c>.
/// An arXiv paper is a <c>@misc</c> with the eprint fields arXiv itself exports (eprint, archivePrefix,
/// primaryClass); a paper with a journal reference is still cited by its preprint, with the reference
/// in a note. Field values are escaped so that titles and names holding TeX specials (&amp; % $ # _ { } ~ ^ \)
/// come out as text and the braces of every value stay balanced.
/// </summary>
public static class BibTex
{
    public static string Entry(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        var text = new StringBuilder();
        text.Append("@misc{").Append(Key(paper)).Append(",\n");
        Field(text, "title", paper.Title);
        if (paper.Authors.Count > 0)
        {
            Field(text, "author", string.Join(" and ", paper.Authors));
        }
        if (paper.Published is { } published)
        {
            Field(text, "year", published.Year.ToString(CultureInfo.InvariantCulture));
            Field(text, "month", published.ToString("MMM", CultureInfo.InvariantCulture).ToLowerInvariant());
        }
        if (paper.ArxivId is { } arxivId)
        {
            Field(text, "eprint", arxivId);
            Field(text, "archivePrefix", "arXiv");
            if (paper.Categories.Count > 0)
            {
                Field(text, "primaryClass", paper.Categories[0]);
            }
        }
        if (paper.Doi is { Length: > 0 } doi)
        {
            Field(text, "doi", doi);
        }
        if (paper.JournalRef is { Length: > 0 } journal)
        {
            Field(text, "note", journal);
        }
        if (paper.Links.Abstract is { } url)
        {
            Field(text, "url", url.ToString());
        }
        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>
    /// The citation key: the first author's last name, the year and the first long title word, in
    /// ASCII letters and digits (<c>vaswani2017attention</c>); <c>paper</c> stands in for what is missing.
    /// </summary>
    public static string Key(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        string surname = paper.Authors.Count > 0 ? paper.Authors[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "" : "";
        string word = paper.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Ascii).FirstOrDefault(w => w.Length > 3) ?? "";
        string key = Ascii(surname) + paper.Published?.Year.ToString(CultureInfo.InvariantCulture) + word;
        return key.Length == 0 ? "paper" : key;
    }

    /// <summary>The text with TeX's special characters escaped, safe inside a braced field value.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '&' or '%' or '$' or '#' or '_' or '{' or '}' => "\\" + c,
                '~' => "\\textasciitilde{}",
                '^' => "\\textasciicircum{}",
                '\\' => "\\textbackslash{}",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append("  ").Append(name).Append(" = {").Append(Escape(value)).Append("},\n");

    // Accents folded away (Müller -> muller), then only ASCII letters and digits, lower case.
    private static string Ascii(string word)
    {
        var folded = word.Normalize(NormalizationForm.FormD);
        var ascii = new StringBuilder(folded.Length);
        foreach (char c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                ascii.Append(char.ToLowerInvariant(c));
            }
        }
        return ascii.ToString();
    }
}
