using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using Paperboy.Core.Papers;

namespace Paperboy.Ingest.Sources;

/// <summary>Builds <see cref="Paper.FieldSources"/>: every field a record supplied, attributed to one source.</summary>
internal static class FieldSourceMap
{
    private static readonly string[] Fields =
        ["arxivId", "title", "abstract", "authors", "versions", "categories", "published", "updated", "doi", "journalRef", "comments", "codeLinks", "withdrawn"];

    // One read-only map per source and set of fields present, shared by every paper that has them: a
    // snapshot import reads a million records with a handful of such sets, and a map of its own for each
    // paper was about half a kilobyte that lived as long as the paper, from the reader to the index.
    private static readonly ConcurrentDictionary<(string Source, int Present), IReadOnlyDictionary<string, string>> Shared = new();

    public static IReadOnlyDictionary<string, string> For(Paper paper, string source)
    {
        ReadOnlySpan<bool> present =
        [
            paper.ArxivId is not null,
            paper.Title.Length > 0,
            paper.Abstract.Length > 0,
            paper.Authors.Count > 0,
            paper.Versions.Count > 0,
            paper.Categories.Count > 0,
            paper.Published is not null,
            paper.Updated is not null,
            paper.Doi is not null,
            paper.JournalRef is not null,
            paper.Comments is not null,
            paper.CodeLinks.Count > 0,
            true, // withdrawn: every record says whether the paper is
        ];
        var mask = 0;
        for (var i = 0; i < present.Length; i++)
        {
            mask |= present[i] ? 1 << i : 0;
        }
        return Shared.GetOrAdd((source, mask), static key => Build(key.Source, key.Present));
    }

    private static ReadOnlyDictionary<string, string> Build(string source, int present)
    {
        var sources = new Dictionary<string, string>(Fields.Length, StringComparer.Ordinal);
        for (var i = 0; i < Fields.Length; i++)
        {
            if ((present & (1 << i)) != 0)
            {
                sources[Fields[i]] = source;
            }
        }
        return sources.AsReadOnly();
    }
}
