using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Paperboy.Application.Importing;
using Paperboy.Ingest.Synthetic;
using Paperboy.Storage.Sqlite;

namespace Paperboy.Bench;

/// <summary>
/// File to searchable rows. Ours: the real import (format detection, streaming reader, mapping and
/// cleaning, batch upserts with merge and fingerprint) into a fresh SQLite store. Peer: the same file
/// read line by line, title, abstract and authors taken from the JSON and inserted into an FTS5 table,
/// 1,000 rows a transaction. Both read the file from the OS cache and write to the same disk.
/// </summary>
internal static class ImportBenchmark
{
    private const int WarmupPapers = 2_000;

    public static async Task<ImportRun> RunAsync(BenchArguments arguments, ScratchDirectory scratch, TextWriter log, CancellationToken cancellationToken)
    {
        var environment = RunEnvironment.Capture(await RunEnvironment.SqliteVersionAsync(cancellationToken));
        log.WriteLine($"bench: warming up on {WarmupPapers:N0} papers");
        var warmup = scratch.File("warmup.jsonl");
        SyntheticCorpus.WriteFile(warmup, WarmupPapers, arguments.Seed + 1);
        await ImportOursAsync(warmup, scratch.File("warmup-ours"), cancellationToken);
        await ImportPeerAsync(warmup, scratch.File("warmup-fts.db"), cancellationToken);

        log.WriteLine($"bench: writing {arguments.Papers:N0} synthetic papers (seed {arguments.Seed})");
        var corpus = scratch.File("corpus.jsonl");
        SyntheticCorpus.WriteFile(corpus, arguments.Papers, arguments.Seed);
        var bytes = new FileInfo(corpus).Length;
        _ = File.ReadAllBytes(corpus); // into the OS cache, so neither side pays the first read

        log.WriteLine("bench: importing with Paperboy");
        var (ours, stored) = await ImportOursAsync(corpus, scratch.File("ours"), cancellationToken);
        if (stored != arguments.Papers)
        {
            throw new InvalidOperationException($"bench: Paperboy stored {stored} of {arguments.Papers} papers");
        }
        log.WriteLine("bench: importing into FTS5");
        var peer = await ImportPeerAsync(corpus, scratch.File("fts.db"), cancellationToken);

        var oursRate = arguments.Papers / ours.TotalSeconds;
        var peerRate = arguments.Papers / peer.TotalSeconds;
        return new ImportRun(environment, arguments.Papers, arguments.Seed, bytes,
            ours.TotalSeconds, oursRate, peer.TotalSeconds, peerRate, oursRate / peerRate);
    }

    private static async Task<(TimeSpan Elapsed, long Stored)> ImportOursAsync(string corpus, string dataDirectory, CancellationToken cancellationToken)
    {
        await using var store = SqlitePaperStore.InDataDirectory(dataDirectory);
        var service = new ImportService(store);
        var started = Stopwatch.GetTimestamp();
        var report = await service.ImportAsync([corpus], progress: null, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (report.Rejected > 0)
        {
            throw new InvalidOperationException($"bench: Paperboy rejected {report.Rejected} synthetic papers: {report.Errors.First()}");
        }
        return (elapsed, report.PapersInStore);
    }

    private static async Task<TimeSpan> ImportPeerAsync(string corpus, string databasePath, CancellationToken cancellationToken)
    {
        await using var peer = await Fts5Peer.CreateAsync(databasePath, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        await peer.InsertAsync(File.ReadLines(corpus).Select(ToRow), cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }

    private static Fts5Row ToRow(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var id = root.GetProperty("id").GetString()!;
        return new Fts5Row(
            root.GetProperty("title").GetString() ?? "",
            root.GetProperty("abstract").GetString() ?? "",
            root.GetProperty("authors").GetString() ?? "",
            2000 + int.Parse(id.AsSpan(0, 2), CultureInfo.InvariantCulture), // new-style ids start with YYMM
            root.GetProperty("categories").GetString() ?? "");
    }
}

internal sealed record ImportRun(
    RunEnvironment Environment,
    int Papers,
    int Seed,
    long CorpusBytes,
    double PaperboySeconds,
    double PaperboyPapersPerSecond,
    double Fts5Seconds,
    double Fts5PapersPerSecond,
    double SpeedVsFts5);
