namespace Paperboy.Core.Accounts;

/// <summary>What can be followed: an author, by normalized name, or an arXiv category.</summary>
public enum FollowKind
{
    Author,
    Category,
}

/// <summary>One thing an account follows: <paramref name="Key"/> is normalized, <paramref name="Label"/> as the reader saw it.</summary>
public sealed record Follow(FollowKind Kind, string Key, string Label, DateTimeOffset Created);
