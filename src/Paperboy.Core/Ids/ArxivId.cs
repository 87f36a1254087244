using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Paperboy.Core.Ids;

/// <summary>
/// An arXiv identifier in canonical form, optionally with a version.
/// Both schemes are accepted, per https://info.arxiv.org/help/arxiv_identifier.html:
/// old <c>archive(.SC)/YYMMNNN</c> (1991 to March 2007) and new <c>YYMM.NNNN</c> (April 2007 to
/// December 2014) or <c>YYMM.NNNNN</c> (January 2015 on).
/// </summary>
public readonly partial record struct ArxivId
{
    private ArxivId(string baseId, int? version, string? subjectClass)
    {
        BaseId = baseId;
        Version = version;
        SubjectClass = subjectClass;
    }

    /// <summary>The id without version: <c>2401.01234</c>, <c>hep-th/9901001</c>, <c>math/0309136</c>.</summary>
    public string BaseId { get => field ?? ""; }

    /// <summary>The version number when the input named one (<c>v2</c> gives 2), otherwise null.</summary>
    public int? Version { get; }

    /// <summary>
    /// The subject class an old-style id carried (<c>GT</c> in <c>math.GT/0309136</c>). arXiv does not
    /// treat it as part of the identifier, so it is kept here and left out of <see cref="BaseId"/>.
    /// </summary>
    public string? SubjectClass { get; }

    /// <summary>True for the pre-April-2007 <c>archive/YYMMNNN</c> scheme.</summary>
    public bool IsOldStyle => BaseId.Contains('/', StringComparison.Ordinal);

    /// <summary>The same paper without a version.</summary>
    public ArxivId WithoutVersion() => new(BaseId, null, SubjectClass);

    public override string ToString() =>
        Version is { } v ? $"{BaseId}v{v.ToString(CultureInfo.InvariantCulture)}" : BaseId;

    public static ArxivId Parse(string input) =>
        TryParse(input, out var id)
            ? id
            : throw new FormatException($"arxiv id: unable to parse \"{input}\" as an arXiv identifier");

    public static bool TryParse([NotNullWhen(true)] string? input, out ArxivId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var trimmed = input.Trim();
        if (IsPlainNewStyle(trimmed))
        {
            // The form nearly every record gives ("2401.01234"), answered without a regex match: a
            // snapshot import parses a million of them.
            if (!IsValidNewStyle(trimmed.AsSpan(0, 4), trimmed.AsSpan(5)))
            {
                return false;
            }
            id = new ArxivId(trimmed, null, null);
            return true;
        }
        var core = StripWrapping(trimmed);
        var match = NewStyle().Match(core);
        if (match.Success)
        {
            var yymm = match.Groups["yymm"].Value;
            var number = match.Groups["number"].Value;
            if (!IsValidNewStyle(yymm, number) || !TryVersion(match, out var version))
            {
                return false;
            }

            id = new ArxivId($"{yymm}.{number}", version, null);
            return true;
        }

        match = OldStyle().Match(core);
        if (match.Success)
        {
            var month = int.Parse(match.Groups["mm"].ValueSpan, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || !TryVersion(match, out var version))
            {
                return false;
            }

            var archive = match.Groups["archive"].Value.ToLowerInvariant();
            var subjectClass = match.Groups["sc"].Success ? match.Groups["sc"].Value : null;
            id = new ArxivId($"{archive}/{match.Groups["yymm"].Value}{match.Groups["number"].Value}", version, subjectClass);
            return true;
        }

        return false;
    }

    // What NewStyle matches without a version: four ASCII digits, a dot, four or five ASCII digits.
    private static bool IsPlainNewStyle(string text) =>
        text.Length is 9 or 10 && text[4] == '.'
        && text.AsSpan(0, 4).IndexOfAnyExceptInRange('0', '9') < 0 && text.AsSpan(5).IndexOfAnyExceptInRange('0', '9') < 0;

    // New ids began in April 2007 (0704) with 4-digit numbers; 5 digits from 1501 on.
    private static bool IsValidNewStyle(ReadOnlySpan<char> yymm, ReadOnlySpan<char> number)
    {
        var yy = int.Parse(yymm[..2], CultureInfo.InvariantCulture);
        var mm = int.Parse(yymm[2..4], CultureInfo.InvariantCulture);
        if (mm is < 1 or > 12 || (yy == 7 && mm < 4) || yy < 7)
        {
            return false;
        }

        var fiveDigitEra = yy >= 15;
        return number.Length == (fiveDigitEra ? 5 : 4);
    }

    private static bool TryVersion(Match match, out int? version)
    {
        version = null;
        var group = match.Groups["v"];
        if (!group.Success)
        {
            return true;
        }

        // Versions start at 1; "v0" or an overflowing number is not an arXiv version.
        if (!int.TryParse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1)
        {
            return false;
        }

        version = v;
        return true;
    }

    // Removes URL, "arXiv:" and OAI-PMH ("oai:arXiv.org:") wrappers, leaving the bare id.
    private static string StripWrapping(string input)
    {
        var match = Wrapper().Match(input);
        return match.Success ? match.Groups["id"].Value : input;
    }

    [GeneratedRegex(@"^(?:(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/(?<id>.+?)(?:\.pdf)?/?(?:[?#].*)?|oai:arxiv\.org:(?<id>.+)|arxiv:\s*(?<id>.+))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Wrapper();

    [GeneratedRegex(@"^(?<yymm>\d{4})\.(?<number>\d{4,5})(?:v(?<v>\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NewStyle();

    [GeneratedRegex(@"^(?<archive>[A-Za-z]+(?:-[A-Za-z]+)*)(?:\.(?<sc>[A-Za-z]{2}(?:-[A-Za-z]+)?))?/(?<yymm>\d{2}(?<mm>\d{2}))(?<number>\d{3})(?:v(?<v>\d+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex OldStyle();
}
