using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Paperboy.Browser.Testing;

/// <summary>
/// An in-memory logger provider: everything the app logs, kept so a test can read what a user would
/// get by other channels, such as the sign-in link the app logs as "Sign-in link for {Email}: {Url}"
/// when no mail server is configured.
/// </summary>
public sealed partial class CapturedLog : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<LogEntry> _entries = [];
    private readonly List<(Regex Pattern, TaskCompletionSource<Match> Found)> _waiters = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>
    /// The first message, logged before or after the call, that matches the pattern. Waits up to the
    /// timeout for it: the app logs from its request threads while the browser drives it.
    /// </summary>
    public async Task<Match> WaitForAsync(Regex pattern, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var entry in _entries)
            {
                var match = pattern.Match(entry.Message);
                if (match.Success)
                {
                    return match;
                }
            }
            _waiters.Add((pattern, found));
        }
        try
        {
            return await found.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the app logged nothing matching /{pattern}/ within {timeout.TotalSeconds:0} s; it logged:\n{Describe()}");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Found == found);
            }
        }
    }

    /// <summary>The sign-in link the app logged for an address (see <see cref="WaitForAsync"/>).</summary>
    public async Task<Uri> WaitForSignInLinkAsync(string email, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pattern = new Regex($@"^Sign-in link for {Regex.Escape(email)}: (?<url>\S+)$", RegexOptions.CultureInvariant);
        var match = await WaitForAsync(pattern, timeout, cancellationToken);
        return new Uri(match.Groups["url"].Value);
    }

    /// <summary>The log as text, for a failing test's message.</summary>
    public string Describe() => string.Join('\n', Entries.Select(e => $"{e.Level} {e.Category}: {e.Message}"));

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            foreach (var (pattern, found) in _waiters)
            {
                var match = pattern.Match(entry.Message);
                if (match.Success)
                {
                    found.TrySetResult(match);
                }
            }
        }
    }

    private sealed class Logger(CapturedLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string message = formatter(state, exception);
            if (exception is not null)
            {
                message += $" ({exception.GetType().Name}: {exception.Message})";
            }
            log.Add(new LogEntry(category, logLevel, message));
        }
    }
}
