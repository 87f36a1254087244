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
    private readonly List<Waiter> _waiters = [];

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
    public Task<Match> WaitForAsync(Regex pattern, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitForAsync(pattern, skip: 0, timeout, cancellationToken);

    /// <summary>
    /// Like <see cref="WaitForAsync(Regex, TimeSpan, CancellationToken)"/>, but the match after the
    /// first <paramref name="skip"/>: with <see cref="CountMatches"/> taken before an action, the
    /// message that action logs, not an older one.
    /// </summary>
    public async Task<Match> WaitForAsync(Regex pattern, int skip, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        var found = new TaskCompletionSource<Match>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = new Waiter(pattern, skip, found);
        lock (_gate)
        {
            if (!_entries.Any(entry => waiter.Offer(entry.Message)))
            {
                _waiters.Add(waiter);
            }
        }
        try
        {
            return await found.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"the app logged no match #{skip + 1} of /{pattern}/ within {timeout.TotalSeconds:0} s; it logged:\n{Describe()}");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>How many messages logged so far match the pattern.</summary>
    public int CountMatches(Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        lock (_gate)
        {
            return _entries.Count(e => pattern.IsMatch(e.Message));
        }
    }

    /// <summary>The first sign-in link the app logged for an address (see <see cref="WaitForAsync(Regex, TimeSpan, CancellationToken)"/>).</summary>
    public Task<Uri> WaitForSignInLinkAsync(string email, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitForSignInLinkAsync(email, skip: 0, timeout, cancellationToken);

    /// <summary>
    /// The sign-in link after the first <paramref name="skip"/> logged for an address: an address that
    /// asks again gets a new link, and the old one may be spent.
    /// </summary>
    public async Task<Uri> WaitForSignInLinkAsync(string email, int skip, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var match = await WaitForAsync(SignInLinkPattern(email), skip, timeout, cancellationToken);
        return new Uri(match.Groups["url"].Value);
    }

    /// <summary>How many sign-in links the app has logged for an address.</summary>
    public int CountSignInLinks(string email) => CountMatches(SignInLinkPattern(email));

    private static Regex SignInLinkPattern(string email) =>
        new($@"^Sign-in link for {Regex.Escape(email)}: (?<url>\S+)$", RegexOptions.CultureInvariant);

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
            foreach (var waiter in _waiters)
            {
                waiter.Offer(entry.Message);
            }
        }
    }

    /// <summary>One wait: completes on the match after the first <c>skip</c>. Called under the log's lock.</summary>
    private sealed class Waiter(Regex pattern, int skip, TaskCompletionSource<Match> found)
    {
        private int _seen;

        /// <summary>Whether this message completed the wait.</summary>
        public bool Offer(string message)
        {
            var match = pattern.Match(message);
            if (!match.Success || _seen++ < skip)
            {
                return false;
            }
            return found.TrySetResult(match);
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
