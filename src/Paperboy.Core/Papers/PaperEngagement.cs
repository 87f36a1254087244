namespace Paperboy.Core.Papers;

/// <summary>
/// What a community site says about a paper (Hugging Face daily papers today): upvotes, comments,
/// the day it trended, who submitted it, keywords. It changes over time, so the newest report wins.
/// </summary>
public sealed record PaperEngagement
{
    public int Upvotes { get; init; }
    public int Comments { get; init; }

    /// <summary>The day the paper appeared on the daily list.</summary>
    public DateOnly? TrendingDate { get; init; }

    public string? SubmittedBy { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>When the source reported these figures (for "newest wins").</summary>
    public DateTimeOffset? ReportedAt { get; init; }
}
