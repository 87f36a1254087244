using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;

namespace Paperboy.Ingest.SavedPages;

/// <summary>
/// The line-by-line state machine behind <see cref="SavedPageReader"/>. A saved trending page is page chrome
/// followed by records of one title line and one abstract line, blank lines optional.
/// Rules for broken records, chosen from the four demo pages (417 records: titles 16-149 characters,
/// abstracts 583-1920 characters and every one ending with a full stop):
/// <list type="bullet">
/// <item>A line longer than <see cref="MaxTitleLength"/> where a title is expected is an abstract whose title is
/// missing: one error at that line.</item>
/// <item>Where an abstract is expected, a line that does not look like one (shorter than
/// <see cref="MinAbstractLength"/>, or no longer than a title and not ending with a full stop) is the next title:
/// one error at the line of the title left without an abstract, and the new line starts the next record.</item>
/// <item>A line with NUL, other control characters or U+FFFD (what a decoder leaves for invalid UTF-8) is corrupt:
/// one error at that line. A corrupt abstract costs its record; a corrupt title takes the abstract after it along;
/// a short corrupt line between a title and its abstract is taken as inserted and skipped alone.</item>
/// <item>A title with no letters or digits, or a title at the end of the file with no abstract, is one error at the title line.</item>
/// </list>
/// </summary>
internal sealed partial class SavedPageParser(string fileName)
{
    public const int MaxTitleLength = 300;
    public const int MinAbstractLength = 100;
    private const string GluedChrome = "Subscribe";

    // Page chrome seen on the trending pages; matched whole-line, ignoring case.
    private static readonly FrozenSet<string> ChromeLines = new[]
    {
        "new", "Subscribe", "Get trending papers in your email inbox!", "Get trending papers in your email inbox once a day!",
        "byAK and the research community", "Trending Papers", "Trending", "Daily Papers",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private string? _pendingTitle;
    private long _pendingLine;
    private bool _skipNextAbstract;
    private bool _seenTitle;

    /// <summary>Feeds one physical line; returns a paper or error when the line completes or breaks a record.</summary>
    public ImportRecord? Accept(string line, long lineNumber)
    {
        var text = line.Trim();
        if (text.Length == 0 || IsChrome(text))
        {
            return null;
        }

        if (DescribeInvalidText(text) is { } invalid)
        {
            return AcceptCorrupt(text, invalid, lineNumber);
        }

        return _pendingTitle is null ? AcceptTitle(text, lineNumber) : AcceptAbstract(text, lineNumber);
    }

    /// <summary>Ends the input: a title still waiting for its abstract is an error.</summary>
    public ImportRecord? Finish()
    {
        if (_pendingTitle is null)
        {
            return null;
        }

        var error = Error(_pendingLine, $"title \"{Shorten(_pendingTitle)}\" has no abstract line before the end of the file");
        _pendingTitle = null;
        return error;
    }

    /// <summary>True when the first lines of a text look like a saved page: its chrome, or title/abstract pairs.</summary>
    public static bool LooksLikeSavedPage(IReadOnlyList<string> firstNonBlankLines)
    {
        if (firstNonBlankLines.Take(10).Any(l => IsChrome(l) || l.StartsWith(GluedChrome, StringComparison.Ordinal)))
        {
            return firstNonBlankLines.Any(l => l.Length > MaxTitleLength);
        }

        var pairs = 0;
        for (var i = 0; i + 1 < firstNonBlankLines.Count; i++)
        {
            if (firstNonBlankLines[i].Length <= MaxTitleLength && IsAbstractLike(firstNonBlankLines[i + 1]))
            {
                pairs++;
                i++;
            }
        }

        return pairs >= 3;
    }

    private ImportRecord? AcceptTitle(string text, long lineNumber)
    {
        // 002_72daaec25fc5a6c3.txt glues the first title to the Subscribe button: "SubscribeBUSTLE: ...".
        if (!_seenTitle && text.Length > GluedChrome.Length && text.StartsWith(GluedChrome, StringComparison.Ordinal)
            && !char.IsLower(text[GluedChrome.Length]))
        {
            text = text[GluedChrome.Length..].TrimStart();
        }

        if (text.Length > MaxTitleLength)
        {
            if (_skipNextAbstract)
            {
                _skipNextAbstract = false; // the abstract of a corrupt title, already reported
                return null;
            }

            return Error(lineNumber, $"expected a title but found a {text.Length}-character line (titles are at most {MaxTitleLength}); is its title line missing?");
        }

        _skipNextAbstract = false;
        _seenTitle = true;
        _pendingTitle = text;
        _pendingLine = lineNumber;
        return null;
    }

    private ImportRecord AcceptAbstract(string text, long lineNumber)
    {
        var title = _pendingTitle!;
        var titleLine = _pendingLine;
        if (!IsAbstractLike(text))
        {
            _pendingTitle = text;
            _pendingLine = lineNumber;
            return Error(titleLine, $"title \"{Shorten(title)}\" has no abstract line (line {lineNumber} looks like the next title)");
        }

        _pendingTitle = null;
        return BuildPaper(title, titleLine, text);
    }

    private ImportRecord AcceptCorrupt(string text, string invalid, long lineNumber)
    {
        var abstractLike = IsAbstractLike(text);
        if (_pendingTitle is { } title && abstractLike)
        {
            _pendingTitle = null;
            return Error(lineNumber, $"the abstract of \"{Shorten(title)}\" (title on line {_pendingLine}) contains {invalid}; record skipped");
        }

        if (_pendingTitle is not null)
        {
            // A short corrupt line between a title and its abstract was inserted; the abstract may still follow.
            return Error(lineNumber, $"line contains {invalid}; line skipped");
        }

        // A corrupt title takes the abstract after it along; a corrupt abstract line stands alone.
        _skipNextAbstract = !abstractLike;
        return Error(lineNumber, $"line contains {invalid}; record skipped");
    }

    private ImportRecord BuildPaper(string titleRaw, long titleLine, string abstractRaw)
    {
        var title = TextCleaner.Clean(titleRaw);
        if (TitleKey.Normalize(title).Length == 0)
        {
            return Error(titleLine, $"title \"{Shorten(titleRaw)}\" has no letters or digits");
        }

        var summary = TextCleaner.Clean(abstractRaw);
        var codeLinks = CodeLinkExtractor.Extract(summary);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = ImportSources.SavedPage,
            ["abstract"] = ImportSources.SavedPage,
        };
        if (codeLinks.Count > 0)
        {
            sources["codeLinks"] = ImportSources.SavedPage;
        }

        return ImportRecord.Of(new Paper
        {
            Id = TitleKey.IdFor(title),
            ArxivId = null,
            Title = title,
            TitleRaw = titleRaw,
            Abstract = summary,
            AbstractRaw = abstractRaw,
            CodeLinks = codeLinks,
            FieldSources = sources,
        });
    }

    private static bool IsAbstractLike(string text) =>
        text.Length > MaxTitleLength || (text.Length >= MinAbstractLength && text.EndsWith('.'));

    private static bool IsChrome(string text) => ChromeLines.Contains(text) || DateLine().IsMatch(text);

    private static string? DescribeInvalidText(string text)
    {
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return "a NUL character";
            }

            if (c == '\uFFFD')
            {
                return "U+FFFD (invalid UTF-8)";
            }

            if (char.IsControl(c) && c != '\t')
            {
                return $"control character U+{(int)c:X4}";
            }
        }

        return null;
    }

    private ImportRecord Error(long line, string message) => ImportRecord.Failed(new ImportError(fileName, line, message));

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");

    // The page's date heading: "Mar 14", "Mar 14, 2025".
    [GeneratedRegex(@"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{1,2}(?:, \d{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();
}
