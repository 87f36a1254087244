using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace Paperboy.Testing;

/// <summary>
/// A writer run as its own process so a crash test can kill it (SIGKILL) at any moment: the program, a
/// dll built beside the tests, prints "committed N" after each commit. Lines are read as they come
/// (events, not a blocking read), and each N is passed to <c>committed</c>; a line on stderr fails it.
/// </summary>
public static class CommittingProcess
{
    public static Process Start(string dll, ChannelWriter<int> committed, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("committed ", StringComparison.Ordinal))
            {
                committed.TryWrite(int.Parse(line["committed ".Length..], CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                committed.TryComplete(new InvalidOperationException($"the writer failed: {e.Data}"));
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
