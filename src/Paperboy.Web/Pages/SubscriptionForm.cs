using Paperboy.Application.Digests;
using Paperboy.Core.Subscriptions;

namespace Paperboy.Web.Pages;

/// <summary>
/// The fields of the subscribe and preferences forms. Topics come one a line from a textarea, or as
/// repeated fields from the small form of the list pages; both become a <see cref="SubscriptionRequest"/>.
/// </summary>
public sealed class SubscriptionForm
{
    public string? Email { get; set; }

    public string? Frequency { get; set; }

    public string? TimeZone { get; set; }

    public int? Hour { get; set; }

    public bool Trending { get; set; }

    public bool Follows { get; set; }

    public List<string?> Categories { get; set; } = [];

    public List<string?> Queries { get; set; } = [];

    public List<string?> Authors { get; set; } = [];

    public SubscriptionRequest ToRequest() => new()
    {
        Email = Email,
        Frequency = Frequency,
        TimeZone = TimeZone,
        Hour = Hour,
        Trending = Trending,
        Follows = Follows,
        Categories = Lines(Categories),
        Queries = Lines(Queries),
        Authors = Lines(Authors),
    };

    public static SubscriptionForm From(Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var settings = subscriber.Settings;
        return new SubscriptionForm
        {
            Email = subscriber.Email,
            Frequency = SubscriptionRequest.FrequencyName(settings.Frequency),
            TimeZone = settings.TimeZone,
            Hour = settings.Hour,
            Trending = settings.Trending,
            Follows = settings.Follows,
            Categories = [string.Join('\n', settings.Topics.Where(t => t.Kind == TopicKind.Category).Select(t => t.Label))],
            Queries = [string.Join('\n', settings.Topics.Where(t => t.Kind == TopicKind.Query).Select(t => t.Label))],
            Authors = [string.Join('\n', settings.Topics.Where(t => t.Kind == TopicKind.Author).Select(t => t.Label))],
        };
    }

    /// <summary>The text of a textarea for one kind of topic.</summary>
    public static string Text(List<string?> values) => string.Join('\n', Lines(values));

    private static List<string> Lines(List<string?> values) =>
        values.SelectMany(v => SubscriptionRequest.Lines(v)).ToList();
}
