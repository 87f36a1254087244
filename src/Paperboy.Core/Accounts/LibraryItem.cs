namespace Paperboy.Core.Accounts;

/// <summary>A paper saved to an account's library, with its tags (sorted) and private note ("" for none).</summary>
public sealed record LibraryItem(string PaperId, DateTimeOffset Saved, IReadOnlyList<string> Tags, string Note);
