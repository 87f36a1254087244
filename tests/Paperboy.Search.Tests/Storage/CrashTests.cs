using System.Globalization;
using Paperboy.Search.WriterProcess;
using Paperboy.Testing;

namespace Paperboy.Search.Tests.Storage;

/// <summary>
/// Kills a writer process (SIGKILL, no chance to clean up) at random moments, mid-commit and
/// mid-merge, and reopens the index each time: it must open at the last commit, holding exactly the
/// documents that commit's batch implies, and the next writer must carry on from there.
/// </summary>
public sealed class CrashTests : IDisposable
{
    // The last batch of the writer's script, so it never runs out before a kill.
    private static readonly string LastBatch = 10_000.ToString(CultureInfo.InvariantCulture);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"paperboy-crash-{Guid.NewGuid():N}");

    [Fact]
    public async Task Index_reopens_at_the_last_commit_after_every_kill()
    {
        var random = new Random(11);
        var lastSeen = 0;
        for (var round = 0; round < 8; round++)
        {
            var committed = System.Threading.Channels.Channel.CreateUnbounded<int>();
            using var process = CommittingProcess.Start("Paperboy.Search.WriterProcess.dll", committed.Writer, _directory, LastBatch);
            // Let it commit at least once in this round, then kill it at a random moment.
            lastSeen = await committed.Reader.ReadAsync();
            await Task.Delay(random.Next(0, 400));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            while (committed.Reader.TryRead(out var printed))
            {
                lastSeen = printed;
            }

            var index = SearchIndex.Open(_directory);
            var batch = int.Parse(index.CommitData["batch"], CultureInfo.InvariantCulture);
            // The kill may land after a commit and before its line is printed, never before a printed commit.
            Assert.InRange(batch, lastSeen, lastSeen + 1);
            AssertHolds(index, batch);
        }

        // A writer opens the directory after the last kill (the lock died with the process) and removes what no commit names.
        using (var writer = SearchIndexWriter.Open(_directory))
        {
            var committed = int.Parse(writer.CommitData["batch"], CultureInfo.InvariantCulture);
            AssertHolds(writer.Snapshot, committed);
        }
        var names = Directory.GetFiles(_directory).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(names, n => n!.EndsWith(".tmp", StringComparison.Ordinal));
    }

    private static void AssertHolds(SearchIndex index, int batch)
    {
        var expected = WriterScript.LiveAfter(batch).ToList();
        var all = index.Search("common", limit: 100_000, highlight: false);
        Assert.Equal(expected.Count, index.DocumentCount);
        Assert.Equal(expected.Select(e => e.Key).Order(StringComparer.Ordinal), all.Keys().Order(StringComparer.Ordinal));
        var revised = index.Search("revised", limit: 100_000, highlight: false);
        Assert.Equal(expected.Where(e => e.Revised).Select(e => e.Key).Order(StringComparer.Ordinal), revised.Keys().Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
