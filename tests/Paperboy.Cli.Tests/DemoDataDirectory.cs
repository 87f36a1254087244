namespace Paperboy.Cli.Tests;

/// <summary>A data directory holding the demo corpus, imported once for a test class, deleted afterwards.</summary>
public sealed class DemoDataDirectory : IAsyncLifetime, IDisposable
{
    public PaperboyProcess Paperboy { get; } = new();

    public async Task InitializeAsync()
    {
        var run = await Paperboy.RunAsync("import", PaperboyProcess.SeedDirectory);
        Assert.Equal(0, run.ExitCode);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Paperboy.Dispose();

    /// <summary>A file in the data directory, deleted with it.</summary>
    public async Task<string> WriteAsync(string name, params string[] lines)
    {
        string path = Path.Combine(Paperboy.DataDirectory, name);
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }
}
