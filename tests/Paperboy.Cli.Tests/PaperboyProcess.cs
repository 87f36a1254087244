using System.Diagnostics;
using System.Text.Json;

namespace Paperboy.Cli.Tests;

/// <summary>Runs the real `paperboy` executable in a separate process against a data directory.</summary>
public sealed class PaperboyProcess : IDisposable
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"paperboy-cli-test-{Guid.NewGuid():N}");

    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "demo", "seeds");

    /// <summary>Environment variables for every run, such as configuration overrides.</summary>
    /// <summary>Extra environment; by default `serve` is told not to install word vectors (tests never reach a registry).</summary>
    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal)
    {
        ["Paperboy__Semantic__InstallWordVectors"] = "false",
    };

    public async Task<Run> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts paperboy and returns at once, for long-running verbs such as serve.</summary>
    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "paperboy.dll"));
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(DataDirectory);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    public void Dispose()
    {
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    public sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public JsonElement Json()
        {
            try
            {
                return JsonDocument.Parse(Stdout).RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"not JSON (exit {ExitCode}): {Stdout}\n{Stderr}", e);
            }
        }
    }
}
