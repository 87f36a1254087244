using System.Globalization;
using System.Text;
using Npgsql;

namespace Paperboy.Storage.Postgres;

/// <summary>
/// The pg_dump command that backs up the PostgreSQL store, for `paperboy backup` to print: Paperboy does
/// not run it, because pg_dump's version must match the server's and its password is best given through
/// ~/.pgpass or PGPASSWORD, never on a command line or in Paperboy's output.
/// </summary>
public static class PgDump
{
    /// <summary>A shell command writing a custom-format dump (the one pg_restore reads) of the store's database to <paramref name="file"/>.</summary>
    public static string Command(string connection, string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Parse(connection));
        var command = new StringBuilder("pg_dump --format=custom");
        void Add(string option, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                command.Append(CultureInfo.InvariantCulture, $" --{option}={Quote(value)}");
            }
        }
        Add("host", builder.Host);
        Add("port", builder.Port.ToString(CultureInfo.InvariantCulture));
        Add("username", builder.Username);
        Add("dbname", builder.Database);
        Add("file", file);
        return command.ToString();
    }

    // POSIX shell single quotes: everything literal, a quote itself written as '\''.
    private static string Quote(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:,@%+=".Contains(c, StringComparison.Ordinal))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
