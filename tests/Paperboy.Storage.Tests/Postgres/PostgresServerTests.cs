using Npgsql;
using Paperboy.Testing;

namespace Paperboy.Storage.Tests.Postgres;

/// <summary>The throwaway cluster the PostgreSQL tests run against (tests/Paperboy.Testing/PostgresServer.cs).</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public async Task The_shared_server_answers_over_tcp_and_over_its_unix_socket()
    {
        var server = await PostgresServer.SharedAsync();
        string database = await server.CreateDatabaseAsync();
        try
        {
            var overSocket = new NpgsqlConnectionStringBuilder(server.ConnectionString(database)) { Host = server.SocketDirectory, Port = server.Port };

            Assert.Equal(database, await ScalarAsync(server.ConnectionString(database), "SELECT current_database();"));
            Assert.Equal(database, await ScalarAsync(overSocket.ConnectionString, "SELECT current_database();"));
            Assert.Equal("UTF8", await ScalarAsync(server.ConnectionString(database), "SHOW server_encoding;"));
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task A_server_of_its_own_stops_by_its_process_id_and_leaves_no_directory()
    {
        var server = await PostgresServer.StartAsync();
        int processId = server.ProcessId;
        string directory = server.Directory;
        Assert.Equal("postgres", await ScalarAsync(server.ConnectionString("postgres"), "SELECT current_user;"));

        await server.DisposeAsync();

        Assert.False(Directory.Exists(directory));
        Assert.False(File.Exists($"/proc/{processId}/cmdline") && File.ReadAllText($"/proc/{processId}/cmdline").Contains(directory, StringComparison.Ordinal));
    }

    private static async Task<string?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
