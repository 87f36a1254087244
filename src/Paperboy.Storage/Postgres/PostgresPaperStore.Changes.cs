using Npgsql;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// Change announcements: every write that moves the store generation sends NOTIFY on
/// <see cref="ChangeChannel"/> inside its transaction, so PostgreSQL delivers it at commit and never for
/// a rolled-back write. A waiting node holds one connection that LISTENs.
/// </summary>
public sealed partial class PostgresPaperStore : IStoreChanges
{
    public const string ChangeChannel = "paperboy_changes";

    private readonly SemaphoreSlim _listening = new(1, 1);
    private NpgsqlConnection? _listener;
    private volatile bool _changed;

    public async Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _listening.WaitAsync(cancellationToken);
        try
        {
            var connection = await ListenerAsync(cancellationToken);
            if (_changed)
            {
                _changed = false;
                return true;
            }
            bool notified;
            try
            {
                notified = await connection.WaitAsync(timeout, cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or IOException)
            {
                // The connection broke (a restart of the server): listen afresh next time; the caller polls meanwhile.
                await connection.DisposeAsync();
                _listener = null;
                return false;
            }
            _changed = false;
            return notified;
        }
        finally
        {
            _listening.Release();
        }
    }

    private async Task<NpgsqlConnection> ListenerAsync(CancellationToken cancellationToken)
    {
        if (_listener is not null)
        {
            return _listener;
        }
        await InitializeAsync(cancellationToken);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, _) => _changed = true;
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeChannel};", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        _listener = connection;
        return connection;
    }

    // Inside the writing transaction: delivered to every listener when it commits.
    private static async Task AnnounceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long generation, CancellationToken cancellationToken)
    {
        await using var notify = new NpgsqlCommand($"SELECT pg_notify('{ChangeChannel}', @generation);", connection, transaction);
        notify.Parameters.AddWithValue("generation", generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await notify.ExecuteNonQueryAsync(cancellationToken);
    }

    private async ValueTask DisposeListenerAsync()
    {
        if (_listener is not null)
        {
            await _listener.DisposeAsync();
            _listener = null;
        }
        _listening.Dispose();
    }
}
