using System.Runtime.InteropServices;

namespace Paperboy.Bench;

/// <summary>What the figures were measured on, printed with them.</summary>
internal sealed record RunEnvironment(string Date, string Os, string Runtime, int Cores, long MemoryBytes, string SqliteVersion)
{
    public static RunEnvironment Capture(string sqliteVersion) => new(
        DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        sqliteVersion);

    public static async Task<string> SqliteVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version();";
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
