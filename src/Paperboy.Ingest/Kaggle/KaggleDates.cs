using System.Globalization;

namespace Paperboy.Ingest.Kaggle;

/// <summary>The two date forms in the snapshot: RFC 822 version dates and ISO update dates.</summary>
internal static class KaggleDates
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
}
