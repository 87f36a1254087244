namespace Paperboy.Application.Copying;

/// <summary>
/// What `paperboy backup` wrote (no <see cref="File"/> when a PostgreSQL installation's data directory holds no
/// SQLite file), and the pg_dump command still to run when papers are on PostgreSQL.
/// </summary>
public sealed record BackupReport(string Source, string? File, long Bytes, string? PgDumpCommand);
