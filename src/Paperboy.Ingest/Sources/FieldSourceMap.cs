using Paperboy.Core.Papers;

namespace Paperboy.Ingest.Sources;

/// <summary>Builds <see cref="Paper.FieldSources"/>: every field a record supplied, attributed to one source.</summary>
internal static class FieldSourceMap
{
    public static Dictionary<string, string> For(Paper paper, string source)
    {
        // Sized for every field below, so it never grows (a snapshot import makes a million of these).
        var sources = new Dictionary<string, string>(13, StringComparer.Ordinal);
        void Add(string field, bool present)
        {
            if (present)
            {
                sources[field] = source;
            }
        }

        Add("arxivId", paper.ArxivId is not null);
        Add("title", paper.Title.Length > 0);
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
}
