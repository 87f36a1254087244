namespace Paperboy.Storage;

/// <summary>A store with numbered migrations, which `paperboy migrate` applies and reports.</summary>
public interface IMigratingStore
{
    /// <summary>Where the store is, for messages: a file path, or a connection string without its password.</summary>
    string Description { get; }

    /// <summary>Applies the migrations the store lacks and returns them, oldest first (none when it is current).</summary>
    Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken);
}
