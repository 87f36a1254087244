using System.Globalization;
using System.Xml.Linq;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;

namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>
/// The OAI <c>arXivRaw</c> metadata format (http://arxiv.org/OAI/arXivRaw.xsd): the authors as one string
/// and the full version history, each <c>&lt;version version="vN"&gt;</c> with its RFC 822 submission date.
/// </summary>
internal static class ArxivRawFormatMapper
{
    public const string Namespace = "http://arxiv.org/OAI/arXivRaw/";
    private static readonly XNamespace Ns = Namespace;

    public static Paper? Map(XElement metadata, ArxivId id, out string? error)
    {
        if (OaiCommonFields.Read(metadata, Ns, id, out error) is not { } paper)
        {
            return null;
        }
        var versions = Versions(metadata);
        return paper with
        {
            Versions = versions,
            Authors = AuthorNames.SplitRaw(metadata.Element(Ns + "authors")?.Value),
            Published = versions.FirstOrDefault(v => v.Number == 1)?.Submitted,
            Updated = versions.Count > 0 ? versions[^1].Submitted : null,
        };
    }

    // A version we cannot number is dropped and the paper kept; the list is returned oldest first.
    private static List<PaperVersion> Versions(XElement metadata)
    {
        var versions = new List<PaperVersion>();
        foreach (var version in metadata.Elements(Ns + "version"))
        {
            var label = ((string?)version.Attribute("version"))?.Trim();
            if (label is ['v' or 'V', .. var digits]
                && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
                && versions.TrueForAll(v => v.Number != number))
            {
                versions.Add(new PaperVersion(number, ArxivDates.ParseRfc822(version.Element(Ns + "date")?.Value)));
            }
        }

        versions.Sort((a, b) => a.Number.CompareTo(b.Number));
        return versions;
    }
}
