namespace Paperboy.Cli.Tests;

public sealed class GenCommandTests : IDisposable
{
    private readonly PaperboyProcess _paperboy = new();

    public void Dispose() => _paperboy.Dispose();

    [Fact]
    public async Task Gen_writes_the_same_bytes_for_the_same_seed_and_the_corpus_imports_whole()
    {
        Directory.CreateDirectory(_paperboy.DataDirectory);
        string first = Path.Combine(_paperboy.DataDirectory, "a.jsonl");
        string second = Path.Combine(_paperboy.DataDirectory, "b.jsonl");
        string other = Path.Combine(_paperboy.DataDirectory, "c.jsonl");

        Assert.Equal(0, (await _paperboy.RunAsync("gen", "--papers", "500", "--seed", "7", "--out", first)).ExitCode);
        Assert.Equal(0, (await _paperboy.RunAsync("gen", "--papers", "500", "--seed", "7", "--out", second)).ExitCode);
        Assert.Equal(0, (await _paperboy.RunAsync("gen", "--papers", "500", "--seed", "8", "--out", other)).ExitCode);
        var import = await _paperboy.RunAsync("import", first, "--json");

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
        Assert.NotEqual(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(other));
        Assert.Equal(0, import.ExitCode);
        Assert.Equal(500, import.Json().GetProperty("added").GetInt32());
        Assert.Equal("KaggleSnapshot", import.Json().GetProperty("files")[0].GetProperty("format").GetString());
    }
}
