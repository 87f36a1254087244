using System.Globalization;
using System.Text.RegularExpressions;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;

namespace Paperboy.Ingest.Kaggle;

/// <summary>Maps a snapshot line to a <see cref="Paper"/>, or says why it cannot.</summary>
internal static partial class KaggleRecordMapper
{
    /// <returns>The paper, or null with <paramref name="error"/> set.</returns>
    public static Paper? Map(KaggleRecord record, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(record.Id))
        {
            error = "missing \"id\"";
            return null;
        }

        if (!ArxivId.TryParse(record.Id, out var arxivId))
        {
            error = $"id \"{record.Id}\" is not an arXiv identifier";
            return null;
        }

        var title = TextCleaner.Clean(record.Title);
        if (title.Length == 0)
        {
            error = $"record {arxivId.BaseId}: missing \"title\"";
            return null;
        }

        var summary = TextCleaner.Clean(record.Abstract);
        var comments = NullIfEmpty(TextCleaner.Clean(record.Comments));
        var versions = MapVersions(record.Versions);
        var published = versions.FirstOrDefault(v => v.Number == 1)?.Submitted ?? versions.FirstOrDefault()?.Submitted;
        var updated = (versions.Count > 0 ? versions[^1].Submitted : null) ?? KaggleDates.ParseIsoDate(record.UpdateDate);
        var authors = MapAuthors(record);
        var categories = (record.Categories ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var codeLinks = CodeLinkExtractor.Extract(comments is null ? summary : $"{summary} {comments}");

        var paper = new Paper
        {
            Id = arxivId.BaseId,
            ArxivId = arxivId.BaseId,
            Versions = versions,
            Title = title,
            TitleRaw = record.Title ?? "",
            Authors = authors,
            Abstract = summary,
            AbstractRaw = record.Abstract ?? "",
            Categories = categories,
            Published = published,
            Updated = updated,
            Doi = NullIfEmpty(record.Doi?.Trim()),
            JournalRef = NullIfEmpty(TextCleaner.Clean(record.JournalRef)),
            Comments = comments,
            CodeLinks = codeLinks,
            Withdrawn = IsWithdrawn(summary) || (comments is not null && IsWithdrawn(comments)),
        };
        return paper with { FieldSources = Sources(paper) };
    }

    private static List<PaperVersion> MapVersions(List<KaggleVersion?>? versions)
    {
        var mapped = new List<PaperVersion>();
        foreach (var version in versions ?? [])
        {
            // "v1", "v2", ...: a version we cannot number is dropped, the paper is kept.
            var label = version?.Version?.Trim();
            if (label is ['v' or 'V', .. var digits]
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                mapped.Add(new PaperVersion(number, KaggleDates.ParseRfc822(version!.Created)));
            }
        }

        mapped.Sort((a, b) => a.Number.CompareTo(b.Number));
        return mapped;
    }

    private static List<string> MapAuthors(KaggleRecord record)
    {
        if (record.AuthorsParsed is { Count: > 0 } parsed)
        {
            var names = new List<string>(parsed.Count);
            foreach (var parts in parsed)
            {
                // [last, first, suffix, affiliation?] -> "First Last Suffix"; the affiliation is not part of the name.
                var last = Part(parts, 0);
                var first = Part(parts, 1);
                var suffix = Part(parts, 2);
                var name = TextCleaner.CleanAuthorName(string.Join(' ', new[] { first, last, suffix }.Where(p => p.Length > 0)));
                if (name.Length > 0)
                {
                    names.Add(name);
                }
            }

            return names;
        }

        return SplitRawAuthors(record.Authors);
    }

    // Fallback for lines without authors_parsed: "A. One, B. Two (Affil) and C. Three".
    internal static List<string> SplitRawAuthors(string? authors)
    {
        var withoutAffiliations = RemoveParentheses(TextCleaner.Clean(authors));
        return AuthorSeparator().Split(withoutAffiliations)
            .Select(TextCleaner.CleanAuthorName)
            .Where(name => name.Length > 0)
            .ToList();
    }

    private static string RemoveParentheses(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Part(List<string?>? parts, int index) =>
        parts is not null && index < parts.Count ? parts[index]?.Trim() ?? "" : "";

    private static bool IsWithdrawn(string text) => WithdrawnNotice().IsMatch(text);

    private static Dictionary<string, string> Sources(Paper paper)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, bool present)
        {
            if (present)
            {
                sources[field] = ImportSources.KaggleSnapshot;
            }
        }

        Add("arxivId", true);
        Add("title", true);
        Add("abstract", paper.Abstract.Length > 0);
        Add("authors", paper.Authors.Count > 0);
        Add("versions", paper.Versions.Count > 0);
        Add("categories", paper.Categories.Count > 0);
        Add("published", paper.Published is not null);
        Add("updated", paper.Updated is not null);
        Add("doi", paper.Doi is not null);
        Add("journalRef", paper.JournalRef is not null);
        Add("comments", paper.Comments is not null);
        Add("codeLinks", paper.CodeLinks.Count > 0);
        Add("withdrawn", true);
        return sources;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    [GeneratedRegex(@"\s*(?:,|;|\band\b)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorSeparator();

    // arXiv's withdrawal notices: "This paper has been withdrawn by the authors.", "withdrawn by the author due to ...".
    [GeneratedRegex(@"\b(?:paper|article|manuscript|submission|preprint|version)\s+(?:has\s+been|is|was)\s+withdrawn\b|\bwithdrawn\s+by\s+the\s+(?:authors?|submitter|arxiv\s+admin)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithdrawnNotice();
}
