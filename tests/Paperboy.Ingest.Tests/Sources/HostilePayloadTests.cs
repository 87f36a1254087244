using System.Text;
using Paperboy.Ingest.Sources.ArxivApi;
using Paperboy.Ingest.Sources.OaiPmh;

namespace Paperboy.Ingest.Tests.Sources;

/// <summary>Every XML source parser refuses what is not its document, with a message that says why.</summary>
public sealed class HostilePayloadTests : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string> Parsers => ["arxiv-api", "oai-pmh"];

    private static Task ParseAsync(string parser, byte[] payload)
    {
        var stream = new MemoryStream(payload);
        return parser == "arxiv-api"
            ? ArxivAtomParser.ParseAsync(stream, "test.xml", CancellationToken.None)
            : OaiPmhParser.ParseAsync(stream, "test.xml", CancellationToken.None);
    }

    private static async Task<SourcePayloadException> RefusedAsync(string parser, string payload) =>
        await RefusedAsync(parser, Encoding.UTF8.GetBytes(payload));

    private static async Task<SourcePayloadException> RefusedAsync(string parser, byte[] payload)
    {
        var ex = await Assert.ThrowsAsync<SourcePayloadException>(() => ParseAsync(parser, payload));
        Assert.Contains("test.xml", ex.Message, StringComparison.Ordinal);
        return ex;
    }

    private static string Root(string parser) => parser == "arxiv-api"
        ? """feed xmlns="http://www.w3.org/2005/Atom" """
        : """OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" """;

    private static string RealFixture(string parser) => parser == "arxiv-api"
        ? TestFiles.Fixture("arxiv-api", "pubs_idlist_1710.08557_doi_journalref.xml")
        : TestFiles.Fixture("oai-pmh", "mikesaelim_getrecord_arXivRaw.xml");

    private string XxePayload(string parser, string padding)
    {
        var secret = _files.WriteText("secret.txt", "TOP-SECRET-7f3a");
        var name = parser == "arxiv-api" ? "feed" : "OAI-PMH";
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>{padding}
            <!DOCTYPE {name} [<!ENTITY xxe SYSTEM "{new Uri(secret).AbsoluteUri}">]>
            <{Root(parser)}><entry><id>&xxe;</id><title>&xxe;</title></entry></{name}>
            """;
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task An_external_entity_to_a_local_file_is_refused_without_reading_the_file(string parser)
    {
        var ex = await RefusedAsync(parser, XxePayload(parser, ""));

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task A_dtd_behind_a_long_comment_is_still_refused_by_the_xml_reader(string parser)
    {
        var padding = "\n<!--" + new string('x', 4000) + "-->";

        var ex = await RefusedAsync(parser, XxePayload(parser, padding));

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TOP-SECRET", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task A_billion_laughs_payload_is_refused(string parser)
    {
        var name = parser == "arxiv-api" ? "feed" : "OAI-PMH";
        var entities = string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n"));
        var payload = $"""
            <?xml version="1.0"?>
            <!DOCTYPE {name} [
            <!ENTITY lol0 "lol">
            {entities}]>
            <{Root(parser)}>&lol9;</{name}>
            """;

        var ex = await RefusedAsync(parser, payload);

        Assert.Contains("DTD", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task An_html_error_page_is_refused_as_html(string parser)
    {
        var withDoctype = await RefusedAsync(parser, "<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body><p>Retry later</p></body></html>");
        var withoutDoctype = await RefusedAsync(parser, "<html><body><p>Rate exceeded.</p></body></html>");

        Assert.Contains("HTML", withDoctype.Message, StringComparison.Ordinal);
        Assert.Contains("HTML", withoutDoctype.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task A_truncated_document_is_refused_as_truncated(string parser)
    {
        var bytes = await File.ReadAllBytesAsync(RealFixture(parser));

        var ex = await RefusedAsync(parser, bytes[..(bytes.Length / 2)]);

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task Invalid_utf8_bytes_are_refused(string parser)
    {
        var text = await File.ReadAllTextAsync(RealFixture(parser));
        var at = Encoding.UTF8.GetByteCount(text[..text.IndexOf("<title>", StringComparison.Ordinal)]) + "<title>".Length;
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[at] = 0xFF;
        bytes[at + 1] = 0xFE;

        var ex = await RefusedAsync(parser, bytes);

        Assert.Contains("line", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task Malformed_xml_is_refused_with_its_line(string parser)
    {
        var name = parser == "arxiv-api" ? "feed" : "OAI-PMH";

        var ex = await RefusedAsync(parser, $"<?xml version=\"1.0\"?>\n<{Root(parser)}>\n<a><b></a>\n</{name}>");

        Assert.Contains("malformed XML at line 3", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task An_empty_payload_and_another_xml_vocabulary_are_refused(string parser)
    {
        var empty = await RefusedAsync(parser, "  \n");
        var rss = await RefusedAsync(parser, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>");

        Assert.Contains("empty", empty.Message, StringComparison.Ordinal);
        Assert.Contains("found <rss>", rss.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_parser_refuses_the_other_sources_document()
    {
        var oai = await File.ReadAllBytesAsync(TestFiles.Fixture("oai-pmh", "mikesaelim_getrecord_arXivRaw.xml"));
        var atom = await File.ReadAllBytesAsync(TestFiles.Fixture("arxiv-api", "pubs_idlist_1710.08557_doi_journalref.xml"));

        var atomOnOai = await RefusedAsync("arxiv-api", oai);
        var oaiOnAtom = await RefusedAsync("oai-pmh", atom);

        Assert.Contains("expected a <feed> root element", atomOnOai.Message, StringComparison.Ordinal);
        Assert.Contains("expected a <OAI-PMH> root element", oaiOnAtom.Message, StringComparison.Ordinal);
    }

    private static readonly byte[] Damage = [(byte)'<', (byte)'>', (byte)'&', (byte)'"', (byte)'/', 0x00, 0xFF, (byte)'!'];

    [Theory]
    [MemberData(nameof(Parsers))]
    public async Task Every_cut_and_corruption_of_a_real_payload_parses_or_is_a_payload_error(string parser)
    {
        // A small seeded fuzz: whatever the damage, the only failure a caller sees is SourcePayloadException,
        // and a document cut anywhere before its root's end tag is always refused.
        var original = await File.ReadAllBytesAsync(RealFixture(parser));
        var rootEnd = original.AsSpan().LastIndexOf("</"u8);
        var random = new Random(20240501);
        var refusedCuts = 0;
        var corruptionsSeen = 0;
        for (var i = 0; i < 150; i++)
        {
            if (await RefusesAsync(parser, original[..random.Next(rootEnd)]))
            {
                refusedCuts++;
            }

            var corrupted = (byte[])original.Clone();
            for (var j = 0; j < 3; j++)
            {
                corrupted[random.Next(corrupted.Length)] = Damage[random.Next(Damage.Length)];
            }

            await RefusesAsync(parser, corrupted); // parsed or refused, never another exception
            corruptionsSeen++;
        }

        Assert.Equal(150, refusedCuts);
        Assert.Equal(150, corruptionsSeen);
    }

    private static async Task<bool> RefusesAsync(string parser, byte[] payload)
    {
        try
        {
            await ParseAsync(parser, payload);
            return false;
        }
        catch (SourcePayloadException)
        {
            return true;
        }
    }
}
