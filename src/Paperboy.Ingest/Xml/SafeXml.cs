using System.Xml;

namespace Paperboy.Ingest.Xml;

/// <summary>
/// The only way Paperboy reads XML from outside. DTDs are refused outright (no external entities, no
/// entity expansion: XXE and "billion laughs" are impossible), no resolver can fetch anything, and
/// a document larger than a bound is an error rather than an out-of-memory.
/// </summary>
public static class SafeXml
{
    /// <summary>64 M characters: far above any real feed page (arXiv API pages of 2,000 entries are ~10 MB).</summary>
    public const long MaxCharacters = 64L * 1024 * 1024;

    public static XmlReaderSettings Settings(bool async = true) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = false,
        Async = async,
    };

    public static XmlReader CreateReader(Stream input, bool async = true) => XmlReader.Create(input, Settings(async));

    public static XmlReader CreateReader(TextReader input, bool async = true) => XmlReader.Create(input, Settings(async));
}
