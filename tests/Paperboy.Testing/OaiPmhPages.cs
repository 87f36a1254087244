using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Paperboy.Testing;

/// <summary>
/// Builds long OAI-PMH ListRecords harvests from a real response: its first record is the template,
/// re-numbered so every generated record has its own arXiv id, and pages are chained with resumption
/// tokens as arXiv's endpoint chains them. Used to test paging, resuming and killing a harvest.
/// </summary>
public sealed partial class OaiPmhPages
{
    private readonly string _head;
    private readonly string _record;
    private readonly string _templateId;

    public OaiPmhPages(string realListRecordsPath)
    {
        string text = File.ReadAllText(realListRecordsPath);
        int listStart = text.IndexOf("<ListRecords>", StringComparison.Ordinal) + "<ListRecords>".Length;
        _head = text[..listStart];
        int recordStart = text.IndexOf("<record>", listStart, StringComparison.Ordinal);
        int recordEnd = text.IndexOf("</record>", recordStart, StringComparison.Ordinal) + "</record>".Length;
        _record = text[recordStart..recordEnd];
        _templateId = IdPattern().Match(_record).Groups[1].Value;
    }

    /// <summary>The arXiv id of record <paramref name="index"/> (0-based) across the whole harvest.</summary>
    public static string IdOf(int index) => string.Create(CultureInfo.InvariantCulture, $"2301.{index + 10000:D5}");

    /// <summary>Page <paramref name="page"/> (0-based) of <paramref name="pages"/>, <paramref name="perPage"/> records each; the last has an empty token.</summary>
    public string Page(int page, int pages, int perPage)
    {
        var xml = new StringBuilder(_head).Append('\n');
        for (int i = 0; i < perPage; i++)
        {
            int index = (page * perPage) + i;
            xml.Append(_record.Replace(_templateId, IdOf(index), StringComparison.Ordinal)
                .Replace("<title>", $"<title>Harvested paper {index}: ", StringComparison.Ordinal)).Append('\n');
        }
        string token = page + 1 < pages ? TokenFor(page + 1) : "";
        xml.Append(CultureInfo.InvariantCulture, $"<resumptionToken cursor=\"{page * perPage}\" completeListSize=\"{pages * perPage}\">{token}</resumptionToken>\n");
        xml.Append("</ListRecords>\n</OAI-PMH>\n");
        return xml.ToString();
    }

    public static string TokenFor(int page) => string.Create(CultureInfo.InvariantCulture, $"harvest|{page}");

    /// <summary>The page a token asks for, or null for a token this harvest never issued.</summary>
    public static int? PageOf(string? token) =>
        token is not null && token.StartsWith("harvest|", StringComparison.Ordinal) && int.TryParse(token["harvest|".Length..], CultureInfo.InvariantCulture, out int page) ? page : null;

    [GeneratedRegex(@"<id>([^<]+)</id>")]
    private static partial Regex IdPattern();
}
