namespace Paperboy.Ingest.Sources.OaiPmh;

/// <summary>
/// Flow control for an incomplete list (OAI-PMH 2.0 section 3.5). An empty token element is how the last
/// page says the list is complete: <see cref="Token"/> is then null.
/// </summary>
/// <param name="Cursor">The 0-based position of this page's first record in the whole list, when given.</param>
/// <param name="CompleteListSize">The size of the whole list, when given.</param>
public sealed record OaiResumptionToken(string? Token, long? Cursor, long? CompleteListSize)
{
    /// <summary>True when another request with <see cref="Token"/> continues the list.</summary>
    public bool HasMore => Token is not null;
}
