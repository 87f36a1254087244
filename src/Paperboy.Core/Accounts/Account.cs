namespace Paperboy.Core.Accounts;

/// <summary>A reader's account: known only by the email address that signs it in.</summary>
public sealed record Account(long Id, string Email, DateTimeOffset Created);
