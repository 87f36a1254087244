namespace Paperboy.Application.Catalog;

/// <summary>What the store holds; printed by `paperboy stats`.</summary>
public sealed record CatalogStats(long Papers);
