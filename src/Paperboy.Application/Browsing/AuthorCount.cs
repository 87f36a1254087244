namespace Paperboy.Application.Browsing;

/// <summary>An author name and how many papers of a result set list it.</summary>
public sealed record AuthorCount(string Name, int Papers);
