namespace Paperboy.Core.Subscriptions;

/// <summary>How often a subscriber gets a digest: after each arXiv announcement, or once a week.</summary>
public enum DigestFrequency
{
    Daily,
    Weekly,
}
