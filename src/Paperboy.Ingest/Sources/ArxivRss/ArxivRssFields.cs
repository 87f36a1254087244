using System.Xml.Linq;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;

namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>What both item mappers share: element text and the fields derived from the abstract.</summary>
internal static class ArxivRssFields
{
    public static string Child(XElement item, XNamespace ns, string name) => item.Element(ns + name)?.Value ?? "";

    public static Paper Complete(Paper paper)
    {
        var withAbstract = paper with
        {
            CodeLinks = CodeLinkExtractor.Extract(paper.Abstract),
            Withdrawn = WithdrawnNotice.IsWithdrawn(paper.Abstract, null),
        };
        return withAbstract with { FieldSources = Sources(withAbstract) };
    }

    private static Dictionary<string, string> Sources(Paper paper)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, bool present)
        {
            if (present)
            {
                sources[field] = ImportSources.ArxivRss;
            }
        }

        Add("arxivId", true);
        Add("title", true);
        Add("abstract", paper.Abstract.Length > 0);
        Add("authors", paper.Authors.Count > 0);
        Add("versions", paper.Versions.Count > 0);
        Add("categories", paper.Categories.Count > 0);
        Add("codeLinks", paper.CodeLinks.Count > 0);
        Add("withdrawn", paper.Abstract.Length > 0);
        return sources;
    }
}
