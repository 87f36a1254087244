namespace Paperboy.Core.Accounts;

/// <summary>A personal access token as its owner sees it after creation: never the secret, only a hint.</summary>
public sealed record AccessTokenInfo(long Id, string Name, string Hint, DateTimeOffset Created, DateTimeOffset? LastUsed);
