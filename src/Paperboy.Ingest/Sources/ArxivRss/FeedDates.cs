using System.Globalization;
using System.Text.RegularExpressions;

namespace Paperboy.Ingest.Sources.ArxivRss;

/// <summary>The two date forms feeds use: W3C-DTF in dc:date (RSS 1.0) and RFC 822 in pubDate (RSS 2.0).</summary>
internal static partial class FeedDates
{
    // RFC 822 section 5.1 with RFC 1123's four-digit year; the zone is a numeric offset or GMT/UT/Z.
    private static readonly string[] Rfc822Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm zzz",
    ];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) && !char.IsLetter(text[0]))
        {
            return iso; // W3C-DTF ("2018-08-30T20:30:00-05:00"): the offset is kept, the instant is what matters
        }

        // "zzz" wants "-05:00"; RFC 822 writes "-0500" or a zone name.
        text = NamedZone().Replace(NumericZone().Replace(text, "$1:$2"), "+00:00");
        return DateTimeOffset.TryParseExact(text, Rfc822Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var rfc)
            ? rfc
            : null;
    }

    [GeneratedRegex(@"([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();

    [GeneratedRegex(@"\b(?:GMT|UT|UTC|Z)$", RegexOptions.CultureInvariant)]
    private static partial Regex NamedZone();
}
