using System.Text.Json;
using Paperboy.Core.Ids;
using Paperboy.Core.Papers;
using Paperboy.Core.Text;

namespace Paperboy.Ingest.Sources.HuggingFace;

/// <summary>
/// Maps one daily-papers entry to a <see cref="Paper"/> with its <see cref="PaperEngagement"/>, or says why it cannot.
/// Optional fields the API added over time (githubRepo, ai_keywords, ai_summary, mediaUrls, submittedBy.followerCount)
/// may be missing or of an unexpected type; they are then left empty, never an error.
/// </summary>
internal static class HfDailyPaperMapper
{
    /// <returns>The paper, or null with <paramref name="error"/> set.</returns>
    public static Paper? Map(JsonElement entry, DateTimeOffset reportedAt, out string? error)
    {
        error = null;
        if (entry.ValueKind != JsonValueKind.Object)
        {
            error = $"expected an object, found {HfDailyPapersParser.Describe(entry.ValueKind)}";
            return null;
        }

        if (!entry.TryGetProperty("paper", out var paper) || paper.ValueKind != JsonValueKind.Object)
        {
            error = "missing the \"paper\" object";
            return null;
        }

        var rawId = Text(paper, "id");
        if (rawId is null)
        {
            error = "missing \"paper.id\"";
            return null;
        }

        if (!ArxivId.TryParse(rawId, out var arxivId))
        {
            error = $"paper.id \"{rawId}\" is not an arXiv identifier";
            return null;
        }

        // paper.title keeps arXiv's line wraps; the top-level title is a display copy, used only when paper.title is absent.
        var titleRaw = Text(paper, "title") ?? Text(entry, "title") ?? "";
        var title = TextCleaner.Clean(titleRaw);
        if (title.Length == 0)
        {
            error = $"paper {arxivId.BaseId}: missing title";
            return null;
        }

        var summaryRaw = Text(paper, "summary") ?? "";
        var summary = TextCleaner.Clean(summaryRaw);
        var paperOut = new Paper
        {
            Id = arxivId.BaseId,
            ArxivId = arxivId.BaseId,
            Title = title,
            TitleRaw = titleRaw,
            Authors = Authors(paper),
            Abstract = summary,
            AbstractRaw = summaryRaw,
            // paper.publishedAt is arXiv's date; the top-level publishedAt is the day it was put on the daily list.
            Published = Date(paper, "publishedAt"),
            CodeLinks = CodeLinks(Text(entry, "githubRepo") ?? Text(paper, "githubRepo"), summary),
            Engagement = Engagement(entry, paper, reportedAt),
        };
        return paperOut with { FieldSources = Sources(paperOut) };
    }

    private static PaperEngagement Engagement(JsonElement entry, JsonElement paper, DateTimeOffset reportedAt) => new()
    {
        Upvotes = Int(paper, "upvotes"),
        Comments = Int(entry, "numComments"),
        // The daily list is dated in UTC: an entry submitted at 2024-10-25T00:57Z is on the 25 October page.
        TrendingDate = Date(entry, "publishedAt") is { } day ? DateOnly.FromDateTime(day.UtcDateTime) : null,
        SubmittedBy = SubmittedBy(entry),
        Keywords = Keywords(entry, paper),
        ReportedAt = reportedAt,
    };

    private static List<string> Authors(JsonElement paper)
    {
        var names = new List<string>();
        if (!paper.TryGetProperty("authors", out var authors) || authors.ValueKind != JsonValueKind.Array)
        {
            return names;
        }

        foreach (var author in authors.EnumerateArray())
        {
            // "hidden" authors are ones the page does not show (wrongly extracted or removed by the submitter).
            if (author.ValueKind != JsonValueKind.Object ||
                (author.TryGetProperty("hidden", out var hidden) && hidden.ValueKind == JsonValueKind.True))
            {
                continue;
            }

            var name = TextCleaner.CleanAuthorName(Text(author, "name"));
            if (name.Length > 0)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static string? SubmittedBy(JsonElement entry)
    {
        if (!entry.TryGetProperty("submittedBy", out var user) || user.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // fullname is the display name; "user"/"name" are the account name, used when no display name is set.
        var name = Text(user, "fullname") ?? Text(user, "user") ?? Text(user, "name");
        return string.IsNullOrWhiteSpace(name) ? null : name.Trim();
    }

    private static List<string> Keywords(JsonElement entry, JsonElement paper)
    {
        var keywords = new List<string>();
        if ((entry.TryGetProperty("ai_keywords", out var list) || paper.TryGetProperty("ai_keywords", out list))
            && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var keyword in list.EnumerateArray())
            {
                if (keyword.ValueKind == JsonValueKind.String && keyword.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
                {
                    keywords.Add(text.Trim());
                }
            }
        }

        return keywords;
    }

    // The declared repository first, then any the abstract mentions, each once.
    private static List<string> CodeLinks(string? githubRepo, string summary)
    {
        var links = new List<string>(CodeLinkExtractor.Extract(githubRepo));
        foreach (var link in CodeLinkExtractor.Extract(summary))
        {
            if (!links.Contains(link, StringComparer.OrdinalIgnoreCase))
            {
                links.Add(link);
            }
        }

        return links;
    }

    private static Dictionary<string, string> Sources(Paper paper)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, bool present)
        {
            if (present)
            {
                sources[field] = ImportSources.HfDaily;
            }
        }

        Add("arxivId", true);
        Add("title", true);
        Add("abstract", paper.Abstract.Length > 0);
        Add("authors", paper.Authors.Count > 0);
        Add("published", paper.Published is not null);
        Add("codeLinks", paper.CodeLinks.Count > 0);
        Add("engagement", paper.Engagement is not null);
        return sources;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? Math.Max(0, number)
            : 0;

    private static DateTimeOffset? Date(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var date)
            ? date.ToUniversalTime()
            : null;
}
