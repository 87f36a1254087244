using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Paperboy.Storage.Sqlite;

/// <summary>
/// The papers INSERT as one SQLite statement bound by position through SQLitePCL, for bulk imports.
/// Microsoft.Data.Sqlite looks every parameter up by name and allocates a UTF-8 copy of every value
/// on every execution (about 5 KB a paper); here each value is encoded into one reused buffer.
/// The bytes stored are the same: both encode with <see cref="Encoding.UTF8"/> (lone surrogates become
/// U+FFFD). <see cref="PaperRows.Bind(SqliteCommand, Core.Papers.Paper, string?, string, DateTimeOffset, long)"/>
/// is the plain version the tests compare it with.
/// </summary>
internal sealed class PaperInsert : IDisposable
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[8192];

    public PaperInsert(SqliteConnection connection)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("store: the connection is not open");
        int rc = raw.sqlite3_prepare_v2(_database, $"INSERT OR REPLACE INTO papers ({PaperRows.Columns}) VALUES ({PaperRows.Parameters});", out _statement);
        SqliteException.ThrowExceptionForRC(rc, _database);
    }

    /// <summary>Binds the values <see cref="PaperRows.Values"/> gives and runs the statement once.</summary>
    public void Execute(ReadOnlySpan<object?> values)
    {
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                // Parameters are numbered from 1, in the order of PaperRows.Columns.
                Bind(i + 1, values[i]);
            }
            int rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _database);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Bind(int index, object? value)
    {
        int rc = value switch
        {
            null => raw.sqlite3_bind_null(_statement, index),
            // An empty span would pin as a null pointer, which SQLite binds as NULL, not as ''.
            "" => raw.sqlite3_bind_text(_statement, index, ""),
            string text => raw.sqlite3_bind_text(_statement, index, Encode(text)),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            _ => throw new ArgumentException($"store: no binding for {value.GetType().Name}", nameof(value)),
        };
        SqliteException.ThrowExceptionForRC(rc, _database);
    }

    // SQLitePCL binds with SQLITE_TRANSIENT, so SQLite copies the bytes and the buffer can be reused.
    private ReadOnlySpan<byte> Encode(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < max)
        {
            _utf8 = new byte[max];
        }
        return _utf8.AsSpan(0, Encoding.UTF8.GetBytes(text, _utf8));
    }
}
