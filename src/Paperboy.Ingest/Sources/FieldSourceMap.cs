using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using Paperboy.Core.Papers;

namespace Paperboy.Ingest.Sources;

/// <summary>Builds <see cref="Paper.FieldSources"/>: every field a record supplied, attributed to one source.</summary>
internal static class FieldSourceMap
{
    // Every field a record may supply, with whether a paper has it; a map lists the fields present.
    private static readonly (string Name, Func<Paper, bool> Present)[] Fields =
    [
        ("arxivId", p => p.ArxivId is not null),
        ("title", p => p.Title.Length > 0),
        ("abstract", p => p.Abstract.Length > 0),
        ("authors", p => p.Authors.Count > 0),
        ("versions", p => p.Versions.Count > 0),
        ("categories", p => p.Categories.Count > 0),
        ("published", p => p.Published is not null),
        ("updated", p => p.Updated is not null),
        ("doi", p => p.Doi is not null),
        ("journalRef", p => p.JournalRef is not null),
        ("comments", p => p.Comments is not null),
        ("codeLinks", p => p.CodeLinks.Count > 0),
        ("withdrawn", _ => true), // every record says whether the paper is
    ];

    // One read-only map per source and set of fields present, shared by every paper that has them: a
    // snapshot import reads a million records with a handful of such sets, and a map of its own for each
    // paper was about half a kilobyte that lived as long as the paper, from the reader to the index.
    private static readonly ConcurrentDictionary<(string Source, int Present), IReadOnlyDictionary<string, string>> Shared = new();

    public static IReadOnlyDictionary<string, string> For(Paper paper, string source)
    {
        var present = 0;
        for (var i = 0; i < Fields.Length; i++)
        {
            present |= Fields[i].Present(paper) ? 1 << i : 0;
        }
        return Shared.GetOrAdd((source, present), static key => Build(key.Source, key.Present));
    }

    private static ReadOnlyDictionary<string, string> Build(string source, int present)
    {
        var sources = new Dictionary<string, string>(Fields.Length, StringComparer.Ordinal);
        for (var i = 0; i < Fields.Length; i++)
        {
            if ((present & (1 << i)) != 0)
            {
                sources[Fields[i].Name] = source;
            }
        }
        return sources.AsReadOnly();
    }
}
