using System.Globalization;

namespace Paperboy.Web.Api;

/// <summary>
/// The search API's limit and offset, read from the query string by hand: model binding answers
/// "abc", "1.5" or 99999999999 with a bare 400 that names nothing, and a client deserves to be told
/// which parameter was wrong and what is allowed.
/// </summary>
public static class SearchPaging
{
    public const int DefaultLimit = 10;

    public const int MaxLimit = 100;

    /// <summary>
    /// Every page costs a ranking of offset + limit hits, so the depth is capped as Elasticsearch caps
    /// it (<c>index.max_result_window</c>, 10,000); nobody reads that far, crawlers would.
    /// </summary>
    public const int MaxOffset = 10_000;

    /// <summary>The page asked for, or the problem with it. An empty or missing value means the default.</summary>
    public static (int Limit, int Offset, string? Problem) Read(string? limit, string? offset)
    {
        if (!TryReadNumber(limit, DefaultLimit, out var take) || take is < 1 or > MaxLimit)
        {
            return (0, 0, $"limit must be a whole number from 1 to {MaxLimit}");
        }
        if (!TryReadNumber(offset, 0, out var skip) || skip is < 0 or > MaxOffset)
        {
            return (0, 0, $"offset must be a whole number from 0 to {MaxOffset}");
        }
        return (take, skip, null);
    }

    // NumberStyles.Integer: digits, an optional sign, spaces around; no decimals, exponents, hex or
    // thousands separators. A repeated parameter arrives joined with a comma, so it is refused too.
    private static bool TryReadNumber(string? text, int whenMissing, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = whenMissing;
            return true;
        }
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }
}
