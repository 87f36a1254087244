using System.Globalization;
using Paperboy.Semantic.Vectors;
using Paperboy.Semantic.WriterProcess;
using Paperboy.Testing;

namespace Paperboy.Semantic.Tests.Vectors;

/// <summary>
/// Kills a writer process (SIGKILL: no chance to clean up) at random moments of a history whose
/// commits build graphs and merge often (small thresholds), and reopens the index each time: it must open at the last commit, holding
/// exactly the vectors that commit's batch implies, and the next writer must carry on from there.
/// </summary>
public sealed class ProcessCrashTests : IDisposable
{
    // The last batch of the writer's script, so it never runs out before a kill.
    private static readonly string LastBatch = 100_000.ToString(CultureInfo.InvariantCulture);

    private readonly TestDirectory _directory = new();

    [Fact]
    public async Task Index_reopens_at_the_last_commit_after_every_kill()
    {
        var random = new Random(11);
        var lastSeen = 0;
        for (var round = 0; round < 6; round++)
        {
            var committed = System.Threading.Channels.Channel.CreateUnbounded<int>();
            using var process = CommittingProcess.Start("Paperboy.Semantic.WriterProcess.dll", committed.Writer, _directory.Path, LastBatch);
            // Wait for one commit in this round (a minute's bound, for a loaded machine), then kill at a random moment.
            using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
            {
                lastSeen = await committed.Reader.ReadAsync(timeout.Token);
            }
            await Task.Delay(random.Next(0, 300));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            while (committed.Reader.TryRead(out var printed))
            {
                lastSeen = printed;
            }

            using var index = VectorIndex.Open(_directory.Path, VectorWriterScript.Options);
            var batch = int.Parse(index.CommitData["batch"], CultureInfo.InvariantCulture);
            // The kill may land after a commit and before its line is printed, never before a printed commit.
            Assert.InRange(batch, lastSeen, lastSeen + 1);
            AssertHolds(index, batch);
        }

        using (var writer = VectorIndexWriter.Open(_directory.Path, VectorWriterScript.Model, VectorWriterScript.Options))
        {
            AssertHolds(writer.Snapshot, int.Parse(writer.CommitData["batch"], CultureInfo.InvariantCulture));
        }
        var names = Directory.GetFiles(_directory.Path).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain(names, n => n!.EndsWith(".tmp", StringComparison.Ordinal));
    }

    private static void AssertHolds(VectorIndex index, int batch)
    {
        var expected = VectorWriterScript.LiveAfter(batch);
        Assert.Equal(expected.Count, index.Count);
        var read = new float[VectorWriterScript.Dimensions];
        foreach (var (key, vector) in expected)
        {
            Assert.True(index.TryGetVector(key, read), key);
            Assert.Equal(vector, read);
        }
        var query = expected.First().Value;
        Assert.Equal(TestVectors.NaiveTop(expected, query, 5).Select(e => e.Key), index.Search(query, 5, new VectorSearchOptions { Exact = true }).Select(h => h.Key));
    }

    public void Dispose() => _directory.Dispose();
}
