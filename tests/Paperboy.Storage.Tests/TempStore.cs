using Microsoft.Data.Sqlite;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Storage.Tests;

/// <summary>A real SQLite store in a fresh temporary directory, deleted afterwards.</summary>
public sealed class TempStore : IAsyncDisposable
{
    private TempStore(string directory, SqlitePaperStore store)
    {
        Directory = directory;
        Store = store;
    }

    public string Directory { get; }
    public SqlitePaperStore Store { get; }

    public static async Task<TempStore> CreateAsync()
    {
        string directory = Path.Combine(Path.GetTempPath(), $"paperboy-store-test-{Guid.NewGuid():N}");
        var store = SqlitePaperStore.InDataDirectory(directory);
        await store.InitializeAsync(CancellationToken.None);
        return new TempStore(directory, store);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
