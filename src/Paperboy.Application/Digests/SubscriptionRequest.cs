using System.Globalization;
using Paperboy.Application.Accounts;
using Paperboy.Application.Follows;
using Paperboy.Core.Accounts;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Application.Digests;

/// <summary>
/// A subscription as the web form, the API and the CLI send it: raw text, checked by <see cref="TryValidate"/>
/// into an address and <see cref="SubscriptionSettings"/>, or one clear message naming what is wrong.
/// </summary>
public sealed record SubscriptionRequest
{
    public const int MaxQueryLength = 300;

    public string? Email { get; init; }

    /// <summary>"daily" (default) or "weekly".</summary>
    public string? Frequency { get; init; }

    public string? TimeZone { get; init; }

    public int? Hour { get; init; }

    public bool Trending { get; init; }

    public bool Follows { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Queries { get; init; } = [];

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Checks everything; on failure <paramref name="error"/> says what to fix and nothing is kept.</summary>
    public bool TryValidate(DigestOptions options, out string email, out SubscriptionSettings settings, out string error)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings = null!;
        error = "";
        if (!EmailAddresses.TryNormalize(Email, out email))
        {
            error = "That is not an email address. Enter a bare address like name@example.org.";
            return false;
        }
        return TryValidateSettings(options, out settings, out error);
    }

    /// <summary>The settings alone, for the preferences page, where the address is fixed.</summary>
    public bool TryValidateSettings(DigestOptions options, out SubscriptionSettings settings, out string error)
    {
        ArgumentNullException.ThrowIfNull(options);
        settings = null!;
        if (!TryParseFrequency(Frequency, out var frequency))
        {
            error = "Frequency must be daily or weekly.";
            return false;
        }
        string zone = string.IsNullOrWhiteSpace(TimeZone) ? options.DefaultTimeZone : TimeZone.Trim();
        if (zone.Length > 64 || zone.Any(char.IsControl) || !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var found) || !found.HasIanaId)
        {
            error = $"'{Shown(zone)}' is not a time zone. Use an IANA name such as Europe/Berlin or America/New_York.";
            return false;
        }
        int hour = Hour ?? options.DefaultHour;
        if (hour is < 0 or > 23)
        {
            error = "The hour must be from 0 to 23.";
            return false;
        }
        var topics = new List<SubscriptionTopic>();
        foreach (string category in Clean(Categories))
        {
            if (!FollowKeys.TryNormalize(FollowKind.Category, category, out string key, out string label, out error))
            {
                error = Capitalize(error) + ".";
                return false;
            }
            topics.Add(new SubscriptionTopic(TopicKind.Category, key, label));
        }
        foreach (string query in Clean(Queries))
        {
            if (query.Length > MaxQueryLength || query.Any(char.IsControl))
            {
                error = $"A saved search must be one line of at most {MaxQueryLength} characters.";
                return false;
            }
            topics.Add(new SubscriptionTopic(TopicKind.Query, query, query));
        }
        foreach (string author in Clean(Authors))
        {
            if (!FollowKeys.TryNormalize(FollowKind.Author, author, out string key, out string label, out error))
            {
                error = Capitalize(error) + ".";
                return false;
            }
            topics.Add(new SubscriptionTopic(TopicKind.Author, key, label));
        }
        topics = topics.DistinctBy(t => (t.Kind, t.Key)).ToList();
        if (topics.Count > options.MaxTopics)
        {
            error = $"A subscription holds at most {options.MaxTopics} categories, searches and authors.";
            return false;
        }
        if (topics.Count == 0 && !Trending && !Follows)
        {
            error = "Choose something to receive: trending papers, a category, a search or an author.";
            return false;
        }
        settings = new SubscriptionSettings(frequency, zone, hour, Trending, Follows, topics);
        error = "";
        return true;
    }

    public static bool TryParseFrequency(string? text, out DigestFrequency frequency)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "daily":
                frequency = DigestFrequency.Daily;
                return true;
            case "weekly":
                frequency = DigestFrequency.Weekly;
                return true;
            default:
                frequency = default;
                return false;
        }
    }

    public static string FrequencyName(DigestFrequency frequency) => frequency == DigestFrequency.Weekly ? "weekly" : "daily";

    /// <summary>A form's textarea holds one topic a line; the API and CLI give one per item. Blank lines are dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.TrimEnd('\r').Trim()).Where(l => l.Length > 0).ToList();

    private static IEnumerable<string> Clean(IReadOnlyList<string>? items) =>
        (items ?? []).Select(i => (i ?? "").Trim()).Where(i => i.Length > 0);

    // Echoed in a message: never with control characters, never long.
    private static string Shown(string text) =>
        new string(text.Where(c => !char.IsControl(c)).Take(64).ToArray());

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
