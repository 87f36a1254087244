using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Paperboy.Core.Text;

/// <summary>
/// Finds links to code repositories (GitHub, GitLab, Bitbucket, Codeberg, Hugging Face) in abstracts and
/// comments. Project pages (<c>name.github.io</c>) are not repositories and are left out.
/// </summary>
public static partial class CodeLinkExtractor
{
    // First path segments that are site pages, not owners ("github.com/features/actions").
    private static readonly FrozenSet<string> ReservedOwners = new[]
    {
        "about", "apps", "blog", "collections", "docs", "enterprise", "explore", "features", "join", "login",
        "marketplace", "models", "notifications", "orgs", "papers", "pricing", "pulls", "issues", "search",
        "settings", "site", "sponsors", "tasks", "topics", "trending", "users",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Repository URLs in <paramref name="first"/> then <paramref name="second"/> (joined by a space), as <see cref="Extract(string?)"/>.</summary>
    public static IReadOnlyList<string> Extract(string? first, string? second) =>
        !MayHaveLink(first) && !MayHaveLink(second) ? [] : Extract(second is null ? first : $"{first} {second}");

    /// <summary>Repository URLs as <c>https://host/owner/repo</c>, in order of first mention, without duplicates.</summary>
    public static IReadOnlyList<string> Extract(string? text)
    {
        if (!MayHaveLink(text))
        {
            return [];
        }

        var links = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // hosts treat owner/repo case-insensitively
        foreach (Match match in RepositoryUrl().Matches(text))
        {
            var host = match.Groups["host"].Value.ToLowerInvariant();
            var owner = match.Groups["owner"].Value;
            var repo = TrimRepo(match.Groups["repo"].Value);
            if (repo.Length == 0 || ReservedOwners.Contains(owner) || owner.StartsWith('.'))
            {
                continue;
            }

            var kind = match.Groups["kind"].Success ? match.Groups["kind"].Value.ToLowerInvariant() + "/" : "";
            var link = $"https://{host}/{kind}{owner}/{repo}";
            if (seen.Add(link))
            {
                links.Add(link);
            }
        }

        return links;
    }

    // Every host the pattern knows ends in ".com", ".org" or ".co": text with neither (most abstracts)
    // cannot match, and a vectorised search says so faster than the regex can.
    private static bool MayHaveLink([NotNullWhen(true)] string? text) =>
        !string.IsNullOrEmpty(text)
        && (text.Contains(".co", StringComparison.OrdinalIgnoreCase) || text.Contains(".org", StringComparison.OrdinalIgnoreCase));

    // Sentence punctuation glued to the URL ("at github.com/a/b.") and a ".git" clone suffix are not part of the name.
    private static string TrimRepo(string repo)
    {
        repo = repo.TrimEnd('.', '-');
        if (repo.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            repo = repo[..^4];
        }

        return repo.TrimEnd('.', '-');
    }

    [GeneratedRegex(
        @"(?<![\w.@/-])(?:https?://)?(?:www\.)?(?<host>github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co)/(?:(?<kind>datasets|spaces)/)?(?<owner>[A-Za-z0-9_.-]+)/(?<repo>[A-Za-z0-9_.-]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RepositoryUrl();
}
