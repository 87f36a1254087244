namespace Paperboy.Core.Subscriptions;

/// <summary>What a subscriber receives and when: the part of a subscription its preferences page edits.</summary>
/// <param name="TimeZone">An IANA time zone id; <paramref name="Hour"/> (0 to 23) is local to it.</param>
/// <param name="Trending">Include the period's trending papers.</param>
/// <param name="Follows">Include what the linked account follows (authors, categories).</param>
public sealed record SubscriptionSettings(
    DigestFrequency Frequency,
    string TimeZone,
    int Hour,
    bool Trending,
    bool Follows,
    IReadOnlyList<SubscriptionTopic> Topics);
