using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application;

namespace Paperboy.Application.Tests;

/// <summary>The application services over a real SQLite store in a fresh temporary data directory.</summary>
public sealed class AppServices : IAsyncDisposable
{
    public AppServices(bool loadDemoCorpus = true, Action<PaperboyOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        var options = new PaperboyOptions { DataDirectory = DataDirectory, LoadDemoCorpus = loadDemoCorpus };
        configure?.Invoke(options);
        collection.AddPaperboy(options);
        // After AddPaperboy, so a test's registration (a fixed clock, a stub) replaces the default.
        services?.Invoke(collection);
        Provider = collection.BuildServiceProvider();
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"paperboy-app-test-{Guid.NewGuid():N}");

    public ServiceProvider Provider { get; }

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>Fixtures copied next to the tests from tests/fixtures.</summary>
    public static string Fixture(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, name);

    public string Scratch(string name)
    {
        string path = Path.Combine(DataDirectory, "scratch", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
