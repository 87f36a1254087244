namespace Paperboy.Cli.Tests;

public sealed class ImportCommandTests : IDisposable
{
    private readonly PaperboyProcess _paperboy = new();

    public void Dispose() => _paperboy.Dispose();

    [Fact]
    public async Task Importing_the_four_seed_pages_gives_403_papers_and_importing_again_changes_nothing()
    {
        string[] seeds = Directory.GetFiles(PaperboyProcess.SeedDirectory, "*.txt").Order(StringComparer.Ordinal).ToArray();

        var first = await _paperboy.RunAsync(["import", .. seeds, "--json"]);
        var second = await _paperboy.RunAsync(["import", .. seeds, "--json"]);

        Assert.Equal(4, seeds.Length);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(403, first.Json().GetProperty("added").GetInt32());
        Assert.Equal(403, first.Json().GetProperty("papers").GetInt64());
        Assert.Equal(0, first.Json().GetProperty("rejected").GetInt32());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(0, second.Json().GetProperty("added").GetInt32());
        Assert.Equal(0, second.Json().GetProperty("updated").GetInt32());
        Assert.Equal(403, second.Json().GetProperty("papers").GetInt64());
    }

    [Fact]
    public async Task Text_import_prints_a_summary_with_the_store_total()
    {
        var run = await _paperboy.RunAsync("import", PaperboyProcess.SeedDirectory);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("403 added", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("The store holds 403 papers", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupted_seed_imports_the_rest_names_the_broken_line_and_exits_1()
    {
        string seed = Path.Combine(PaperboyProcess.SeedDirectory, "000_892b15f28ca5c8ed.txt");
        var lines = File.ReadAllLines(seed).ToList();
        int abstractLine = lines.FindIndex(l => l.StartsWith("Diffusion models create data from noise", StringComparison.Ordinal));
        lines.RemoveAt(abstractLine);
        Directory.CreateDirectory(_paperboy.DataDirectory);
        string corrupted = Path.Combine(_paperboy.DataDirectory, "corrupted.txt");
        File.WriteAllLines(corrupted, lines);
        using var other = new PaperboyProcess();
        var intact = await other.RunAsync("import", seed, "--json");

        var run = await _paperboy.RunAsync("import", corrupted, "--json");

        Assert.Equal(1, run.ExitCode);
        var json = run.Json();
        Assert.Equal(1, json.GetProperty("rejected").GetInt32());
        Assert.Equal(intact.Json().GetProperty("added").GetInt32() - 1, json.GetProperty("added").GetInt32());
        var error = json.GetProperty("errors")[0];
        Assert.Equal(corrupted, error.GetProperty("file").GetString());
        // The title whose abstract is gone is the broken record; lines are 1-based, with a blank line between.
        Assert.Equal(abstractLine - 1, error.GetProperty("line").GetInt64());
    }

    [Fact]
    public async Task An_unrecognised_file_is_rejected_with_a_clear_message()
    {
        Directory.CreateDirectory(_paperboy.DataDirectory);
        string junk = Path.Combine(_paperboy.DataDirectory, "junk.bin");
        await File.WriteAllBytesAsync(junk, [0, 1, 2, 3, 255, 254]);

        var run = await _paperboy.RunAsync("import", junk);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("unrecognised format", run.Stderr, StringComparison.Ordinal);
    }
}
