using Paperboy.Core.Papers;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Cli.Tests;

/// <summary>paperboy backup: SQLite's online backup while another connection writes.</summary>
public sealed class BackupCommandTests : IAsyncLifetime, IDisposable
{
    private const int PapersPerBatch = 10;

    private readonly PaperboyProcess _paperboy = new();

    public async Task InitializeAsync() =>
        Assert.Equal(0, (await _paperboy.RunAsync("import", PaperboyProcess.SeedDirectory)).ExitCode);

    [Fact]
    public async Task A_backup_taken_while_batches_commit_holds_a_whole_number_of_them_and_opens_as_a_store()
    {
        string backup = Path.Combine(_paperboy.DataDirectory, "backup", "paperboy-backup.db");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        await using var store = new SqlitePaperStore(Path.Combine(_paperboy.DataDirectory, SqlitePaperStore.FileName));
        long importedGeneration = await store.GetGenerationAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource();
        int batches = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var papers = Enumerable.Range(0, PapersPerBatch)
                    .Select(i => new Paper { Id = $"2611.{batches:D3}{i:D2}", ArxivId = $"2611.{batches:D3}{i:D2}", Title = $"Written during the backup {batches} {i}" })
                    .ToList();
                await store.UpsertAsync(papers, CancellationToken.None);
                batches++;
            }
        });
        while (Volatile.Read(ref batches) < 3)
        {
            await Task.Delay(10);
        }

        var run = await _paperboy.RunAsync("backup", "--out", backup, "--json");
        await stop.CancelAsync();
        await writer;

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(backup, run.Json().GetProperty("file").GetString());
        Assert.Equal(new FileInfo(backup).Length, run.Json().GetProperty("bytes").GetInt64());
        await using var copy = new SqlitePaperStore(backup);
        long committed = await copy.GetGenerationAsync(CancellationToken.None) - importedGeneration;
        Assert.InRange(committed, 3, batches);
        // Each batch is one transaction with one generation: a consistent copy has all of its papers or none.
        Assert.Equal(403 + (committed * PapersPerBatch), await copy.CountAsync(CancellationToken.None));
        Assert.False(File.Exists(backup + ".partial"));
    }

    [Fact]
    public async Task With_papers_on_postgresql_backup_writes_the_sqlite_file_prints_the_pg_dump_command_and_exits_2()
    {
        string backup = Path.Combine(_paperboy.DataDirectory, "nightly.db");

        var run = await _paperboy.RunAsync("backup", "--out", backup, "--store", "postgres://paperboy:hunter2@db.example.org:5433/papers");

        Assert.Equal(2, run.ExitCode);
        Assert.True(File.Exists(backup));
        Assert.Contains(
            $"pg_dump --format=custom --host=db.example.org --port=5433 --username=paperboy --dbname=papers --file={Path.ChangeExtension(backup, ".pgdump")}",
            run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_of_a_data_directory_without_a_store_fails_with_exit_3()
    {
        using var empty = new PaperboyProcess();

        var run = await empty.RunAsync("backup", "--out", Path.Combine(Path.GetTempPath(), $"never-{Guid.NewGuid():N}.db"));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("backup: no store to back up:", run.Stderr, StringComparison.Ordinal);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _paperboy.Dispose();
}
