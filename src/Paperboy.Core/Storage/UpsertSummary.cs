namespace Paperboy.Core.Storage;

/// <summary>What an upsert did: how many papers were new, changed, or already stored as given.</summary>
public sealed record UpsertSummary(int Added, int Updated, int Unchanged)
{
    public static UpsertSummary Empty { get; } = new(0, 0, 0);

    public int Total => Added + Updated + Unchanged;

    public UpsertSummary Plus(UpsertSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Added + other.Added, Updated + other.Updated, Unchanged + other.Unchanged);
    }
}
