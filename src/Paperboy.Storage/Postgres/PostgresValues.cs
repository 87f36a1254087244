using Npgsql;
using NpgsqlTypes;

namespace Paperboy.Storage.Postgres;

/// <summary>Typed positional parameters ($1, $2, ...) for the account-side queries, and the times they hold.</summary>
internal static class PostgresValues
{
    public static NpgsqlParameter<string> Text(string value) => new() { TypedValue = value };

    public static NpgsqlParameter TextOrNull(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    public static NpgsqlParameter<string[]> Texts(IEnumerable<string> values) =>
        new() { TypedValue = [.. values], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    public static NpgsqlParameter<long> Bigint(long value) => new() { TypedValue = value };

    public static NpgsqlParameter BigintOrNull(long? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint };

    public static NpgsqlParameter<int> Integer(int value) => new() { TypedValue = value };

    public static NpgsqlParameter<bool> Boolean(bool value) => new() { TypedValue = value };

    public static NpgsqlParameter<byte[]> Bytes(byte[] value) => new() { TypedValue = value };

    public static NpgsqlParameter<DateTime> Time(DateTimeOffset value) =>
        new() { TypedValue = Stored(value).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    /// <summary>
    /// The time as a timestamptz holds it and reads back: UTC, cut to whole microseconds (.NET keeps
    /// tenths of one). What a store method returns for a time it was given, so both agree.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset value)
    {
        long ticks = value.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }
}
