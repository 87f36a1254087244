using System.Globalization;

namespace Paperboy.Ingest.Sources;

/// <summary>
/// The date forms arXiv metadata uses: RFC 822 version dates (Kaggle snapshot, OAI arXivRaw), ISO
/// calendar dates (snapshot update_date, OAI arXiv created/updated) and RFC 3339 timestamps (Atom, OAI responseDate).
/// </summary>
internal static class ArxivDates
{
    // RFC 822 section 5.1 allows a one- or two-digit day; arXiv writes "Mon, 2 Apr 2007 19:18:42 GMT".
    private static readonly string[] Rfc822Formats =
    [
        "ddd, d MMM yyyy HH:mm:ss 'GMT'",
        "d MMM yyyy HH:mm:ss 'GMT'",
        "ddd, d MMM yyyy HH:mm:ss zzz",
    ];

    public static DateTimeOffset? ParseRfc822(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(value.Trim(), Rfc822Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
    }

    public static DateTimeOffset? ParseIsoDate(string? value) =>
        DateTimeOffset.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;

    /// <summary>An RFC 3339 timestamp ("2017-10-24T00:21:32Z", "2019-01-04T00:00:00-05:00") as UTC, or null.</summary>
    public static DateTimeOffset? ParseTimestamp(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // RFC 3339 requires an offset; one without is read as UTC, as Atom (RFC 4287 section 3.3) intends.
        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
    }
}
