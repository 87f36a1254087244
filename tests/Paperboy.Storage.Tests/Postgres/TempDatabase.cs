using Npgsql;
using Paperboy.Testing;

namespace Paperboy.Storage.Tests.Postgres;

/// <summary>A fresh, empty database on the shared throwaway server, dropped afterwards.</summary>
internal sealed class TempDatabase : IAsyncDisposable
{
    private TempDatabase(PostgresServer server, string name)
    {
        Server = server;
        Name = name;
    }

    public PostgresServer Server { get; }

    public string Name { get; }

    public string ConnectionString => Server.ConnectionString(Name);

    public static async Task<TempDatabase> CreateAsync()
    {
        var server = await PostgresServer.SharedAsync();
        return new TempDatabase(server, await server.CreateDatabaseAsync());
    }

    /// <summary>Runs a query in this database and returns its first column, row by row, as text.</summary>
    public async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? "NULL" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return values;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await Server.DropDatabaseAsync(Name);
    }
}
