using System.Globalization;
using System.Text;
using System.Xml;
using Paperboy.Core.Papers;
using Paperboy.Web.Rendering;

namespace Paperboy.Web.Feeds;

/// <summary>
/// Writes an <see cref="AtomFeed"/> as an Atom 1.0 document (RFC 4287): feed id, title, updated, a self
/// and an alternate link, an author; per paper an entry with id (its page URL), title, updated, published,
/// links to its page and to arXiv, its authors, categories and its abstract as a text summary. XmlWriter
/// escapes every value; characters XML 1.0 cannot hold (control characters) are dropped first.
/// </summary>
public static class AtomWriter
{
    public const string Namespace = "http://www.w3.org/2005/Atom";
    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static byte[] Write(AtomFeed feed, Uri origin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(origin);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("id", Namespace, Absolute(origin, feed.PagePath));
            xml.WriteElementString("title", Namespace, Clean(feed.Title));
            var updated = feed.Papers.Count == 0 ? now : feed.Papers.Max(p => Updated(p, now));
            xml.WriteElementString("updated", Namespace, Timestamp(updated));
            Link(xml, "self", Absolute(origin, feed.SelfPath), "application/atom+xml");
            Link(xml, "alternate", Absolute(origin, feed.PagePath), "text/html");
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, "Paperboy");
            xml.WriteEndElement();
            xml.WriteElementString("generator", Namespace, "Paperboy");
            foreach (var paper in feed.Papers)
            {
                Entry(xml, paper, origin, now);
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void Entry(XmlWriter xml, Paper paper, Uri origin, DateTimeOffset now)
    {
        string page = Absolute(origin, Paths.Paper(paper.Id));
        xml.WriteStartElement("entry", Namespace);
        xml.WriteElementString("id", Namespace, page);
        xml.WriteElementString("title", Namespace, Clean(paper.Title));
        xml.WriteElementString("updated", Namespace, Timestamp(Updated(paper, now)));
        if (paper.Published is { } published)
        {
            xml.WriteElementString("published", Namespace, Timestamp(published));
        }
        Link(xml, "alternate", page, "text/html");
        if (paper.Links.Abstract is { } arxiv)
        {
            Link(xml, "related", arxiv.ToString(), "text/html");
        }
        foreach (var author in paper.Authors)
        {
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, Clean(author));
            xml.WriteElementString("uri", Namespace, Absolute(origin, Paths.Author(author)));
            xml.WriteEndElement();
        }
        foreach (var category in paper.Categories)
        {
            xml.WriteStartElement("category", Namespace);
            xml.WriteAttributeString("term", Clean(category));
            xml.WriteEndElement();
        }
        xml.WriteStartElement("summary", Namespace);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(Clean(paper.Abstract));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static DateTimeOffset Updated(Paper paper, DateTimeOffset now) => paper.Updated ?? paper.Published ?? paper.FirstSeen ?? now;

    // RFC 3339 date-time, as RFC 4287 §3.3 requires.
    private static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Absolute(Uri origin, string path) => new Uri(origin, path).AbsoluteUri;

    /// <summary>The text without the characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE/U+FFFF).</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i, 2);
                i++;
            }
        }
        return kept.Length == text.Length ? text : kept.ToString();
    }
}
