namespace Paperboy.Storage;

/// <summary>One numbered migration script of a store: 1, "0001_papers", and its SQL.</summary>
public sealed record Migration(int Version, string Name, string Sql);
