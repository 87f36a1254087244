namespace Paperboy.Ingest.Http;

/// <summary>One request at a time per host, and at least a minimum interval between the starts of two.</summary>
internal sealed class HostGate(TimeSpan minInterval, TimeProvider time)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private DateTimeOffset _lastStart = DateTimeOffset.MinValue;

    /// <summary>Waits for this host's turn; dispose the result when the response has been read.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var wait = _lastStart + minInterval - time.GetUtcNow();
            if (_lastStart != DateTimeOffset.MinValue && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            _lastStart = time.GetUtcNow();
            return new Release(_turn);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    /// <summary>Pushes the next start out, after a server asked us to wait (Retry-After).</summary>
    public void Defer(TimeSpan delay) => _lastStart = time.GetUtcNow() + delay - minInterval;

    private sealed class Release(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
