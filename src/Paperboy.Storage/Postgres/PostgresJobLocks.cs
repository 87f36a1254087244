using System.Data;
using Npgsql;
using Paperboy.Core.Storage;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// Job locks as PostgreSQL session advisory locks: held by one open connection for the whole job, so
/// other nodes asking for the same name are refused, and released by the server if the node dies.
/// </summary>
public sealed partial class PostgresPaperStore : IJobLocks
{
    public async Task<IAsyncDisposable?> TryAcquireJobLockAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var connection = await OpenAsync(cancellationToken);
        try
        {
            // The key is the name hashed to 64 bits by the server; "paperboy:job:" keeps it apart from other
            // users of advisory locks in the same database (and from the migrator's fixed key).
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended($1, 0));", connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "paperboy:job:" + name });
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return new JobLock(connection, "paperboy:job:" + name);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    private sealed class JobLock(NpgsqlConnection connection, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // A pooled connection stays open when disposed, and the lock with it: unlock first.
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended($1, 0));", connection);
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            catch (NpgsqlException) when (connection.FullState != ConnectionState.Open)
            {
                // The session ended under the job (a restarted server, a dropped connection), and the server
                // let the lock go with it: there is nothing left to release.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
