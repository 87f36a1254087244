using static Paperboy.Bench.Report;

namespace Paperboy.Bench;

/// <summary>The vectors verb's figures as a table for people and docs/PERFORMANCE.md.</summary>
internal static class VectorReport
{
    public static string Table(VectorRun run)
    {
        var e = run.Environment;
        var text = new System.Text.StringBuilder()
            .AppendLine(Invariant($"vectors: {run.Vectors:N0} x {run.Dimensions} clustered unit vectors ({VectorCorpus.Clusters} clusters, {VectorCorpus.NoiseFraction:P0} noise), {run.Queries:N0} queries, seed {run.Seed}, k = 10"))
            .AppendLine(Invariant($"{e.Date}; {e.Cores} cores, {e.MemoryBytes / (1L << 30)} GiB; {e.Os}; {e.Runtime}"))
            .AppendLine(Invariant($"load average after build {run.LoadAfterBuild}, after queries {run.LoadAfterQueries}"))
            .AppendLine()
            .AppendLine(Invariant($"build (add + commit: quantize, HNSW, write, fsync): {run.BuildSeconds:F1} s ({run.Vectors / run.BuildSeconds:N0} vectors/s); reopen (read + verify): {run.OpenSeconds:F2} s"))
            .AppendLine(Invariant($"on disk: {Mb(run.IndexBytes)}, {run.BytesPerVector:N0} bytes/vector (float32 {run.Dimensions * 4} + int8 {run.Dimensions} + scale, key, graph)"))
            .AppendLine()
            .AppendLine("| path | recall@10 | p50 ms | p99 ms | QPS | p50 vs float32 scan |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var peer = run.Paths[0].Latency.P50Ms;
        foreach (var path in run.Paths)
        {
            var l = path.Latency;
            text.AppendLine(Invariant($"| {path.Path} | {path.RecallAt10:F4} | {l.P50Ms:F3} | {l.P99Ms:F3} | {l.Qps:N0} | {peer / l.P50Ms:F1}x faster |"));
        }
        text.AppendLine(Invariant($"\nThe index searches with ef = {run.EfSearchDefault} unless a query says otherwise."));
        return text.ToString();
    }
}
