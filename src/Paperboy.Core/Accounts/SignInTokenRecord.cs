namespace Paperboy.Core.Accounts;

/// <summary>A sign-in link as the store keeps it: the token's hash, never the token.</summary>
public sealed record SignInTokenRecord(string TokenHash, string Email, DateTimeOffset Created, DateTimeOffset Expires);
