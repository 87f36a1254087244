namespace Paperboy.Core.Subscriptions;

/// <summary>
/// One address that asked for digests. Nothing is sent before <see cref="Confirmed"/> is set (double
/// opt-in). The salts are random values that the emailed links are signed over: replacing one
/// revokes every link made with it. They are not secrets on their own (the HMAC key is).
/// </summary>
public sealed record Subscriber
{
    public required long Id { get; init; }

    /// <summary>Normalized: trimmed, lower case.</summary>
    public required string Email { get; init; }

    /// <summary>The account that subscribed while signed in with this address, whose follows it may include.</summary>
    public long? AccountId { get; init; }

    public required SubscriptionSettings Settings { get; init; }

    public required DateTimeOffset Created { get; init; }

    public DateTimeOffset? Confirmed { get; init; }

    /// <summary>Signs the preferences and unsubscribe links.</summary>
    public required string LinkSalt { get; init; }

    /// <summary>Signs the pending confirmation link; null once confirmed.</summary>
    public string? ConfirmSalt { get; init; }

    /// <summary>When the last digest was queued, and the period it was for (<c>day-2025-03-04</c>, <c>week-2025-W10</c>).</summary>
    public DateTimeOffset? LastDigestAt { get; init; }

    public string? LastPeriod { get; init; }
}
