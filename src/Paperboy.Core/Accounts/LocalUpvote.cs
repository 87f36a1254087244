namespace Paperboy.Core.Accounts;

/// <summary>One upvote cast on this installation, with its time: what a time-decayed trending score reads.</summary>
public sealed record LocalUpvote(string PaperId, DateTimeOffset Cast);
