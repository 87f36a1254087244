using System.Globalization;
using Microsoft.Data.Sqlite;
using Paperboy.Ingest.Synthetic;

namespace Paperboy.Bench;

/// <summary>
/// Runs top-k queries on one connection of an <see cref="Fts5Peer"/>, synchronously, as a request
/// thread would, with one prepared statement per query shape, so the timed loop measures searching,
/// not SQL parsing. <see cref="Count"/> is the untimed check that both engines match the same rows.
/// </summary>
internal sealed class Fts5Searcher : IDisposable
{
    private const string CategoryFilter = " AND instr(' ' || categories || ' ', $category) > 0";
    private const string YearFilter = " AND year BETWEEN $from AND $to";

    private readonly SqliteCommand[] _top;
    private readonly SqliteCommand[] _count;

    public Fts5Searcher(SqliteConnection connection)
    {
        var filters = new[] { "", CategoryFilter, YearFilter };
        _top = [.. filters.Select(filter => Prepare(connection, $"SELECT rowid FROM fts WHERE fts MATCH $match{filter} ORDER BY {Fts5Peer.Rank} LIMIT $limit"))];
        _count = [.. filters.Select(filter => Prepare(connection, $"SELECT count(*) FROM fts WHERE fts MATCH $match{filter}"))];
    }

    /// <summary>The rowids of the best <paramref name="limit"/> matches, best first.</summary>
    public List<long> Search(SyntheticQuery query, int limit)
    {
        var command = Bind(_top, query);
        command.Parameters["$limit"].Value = limit;
        var rowids = new List<long>(limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rowids.Add(reader.GetInt64(0));
        }
        return rowids;
    }

    /// <summary>How many rows match, filters applied.</summary>
    public long Count(SyntheticQuery query) =>
        Convert.ToInt64(Bind(_count, query).ExecuteScalar(), CultureInfo.InvariantCulture);

    private static SqliteCommand Bind(SqliteCommand[] commands, SyntheticQuery query)
    {
        SqliteCommand command;
        if (query.Category is not null)
        {
            command = commands[1];
            command.Parameters["$category"].Value = $" {query.Category} ";
        }
        else if (query.YearFrom is not null)
        {
            command = commands[2];
            command.Parameters["$from"].Value = query.YearFrom;
            command.Parameters["$to"].Value = query.YearTo;
        }
        else
        {
            command = commands[0];
        }
        command.Parameters["$match"].Value = Fts5Peer.MatchExpression(query);
        return command;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$match", SqliteType.Text);
        foreach (var (name, type) in new[] { ("$limit", SqliteType.Integer), ("$category", SqliteType.Text), ("$from", SqliteType.Integer), ("$to", SqliteType.Integer) })
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                command.Parameters.Add(name, type);
            }
        }
        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _top.Concat(_count))
        {
            command.Dispose();
        }
    }
}
