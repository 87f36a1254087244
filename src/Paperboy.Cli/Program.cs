namespace Paperboy.Cli;

/// <summary>The `paperboy` executable.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args);
}
