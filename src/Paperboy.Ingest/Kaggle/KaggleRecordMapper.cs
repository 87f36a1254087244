using System.Globalization;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;
using Paperboy.Ingest.Sources;

namespace Paperboy.Ingest.Kaggle;

/// <summary>Maps a snapshot line to a <see cref="Paper"/>, or says why it cannot.</summary>
internal static class KaggleRecordMapper
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
        var updated = (versions.Count > 0 ? versions[^1].Submitted : null) ?? ArxivDates.ParseIsoDate(record.UpdateDate);
        var authors = MapAuthors(record);
        var categories = (record.Categories ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var codeLinks = CodeLinkExtractor.Extract(summary, comments);

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
            Withdrawn = WithdrawnNotice.IsWithdrawn(summary, comments),
        };
        return paper with { FieldSources = FieldSourceMap.For(paper, ImportSources.KaggleSnapshot) };
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
                mapped.Add(new PaperVersion(number, ArxivDates.ParseRfc822(version!.Created)));
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
                var name = AuthorNames.Join(first, last, suffix);
                if (AuthorNames.IsName(name))
                {
                    names.Add(name);
                }
            }

            return names;
        }

        return AuthorNames.SplitRaw(record.Authors);
    }

    private static string Part(List<string?>? parts, int index) =>
        parts is not null && index < parts.Count ? parts[index]?.Trim() ?? "" : "";

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
