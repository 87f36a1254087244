using System.Text;
using static Paperboy.Bench.Report;

namespace Paperboy.Bench;

/// <summary>The <c>embed-wordvectors</c> run as a plain-text table.</summary>
internal static class WordVectorsReport
{
    public static string Table(WordVectorsRun run)
    {
        var text = Header(run.Environment,
            Invariant($"embed-wordvectors: {run.Texts:N0} synthetic abstracts (title + abstract, seed {run.Seed}), {run.TableName} ({run.Words:N0} words x {run.Dimensions})"));
        if (run.ConversionSeconds is { } seconds)
        {
            text.AppendLine(Invariant($"conversion of {run.VectorsSource}: {seconds:F1} s, {Mb(run.TableBytes)}; int8 fidelity (cosine to float32) mean {run.MeanFidelity:F5}, min {run.MinFidelity:F5}"));
        }
        text.AppendLine(Invariant($"table load (read + SHA-256 + hash table): {run.LoadSeconds * 1000:F0} ms"));
        text.AppendLine(Invariant($"SIF fit over the texts (two passes): {run.FitSeconds:F2} s"));
        text.AppendLine(Invariant($"tokens per text {run.TokensPerText:F1}, with a vector {run.KnownWordsPerText:F1}"));
        text.AppendLine();
        text.AppendLine("| embedder (one thread) | seconds | texts/s |");
        text.AppendLine("| --- | ---: | ---: |");
        text.AppendLine(Invariant($"| SIF (weights, common component removed) | {run.SifSeconds:F2} | {run.SifTextsPerSecond:N0} |"));
        text.AppendLine(Invariant($"| peer: unweighted average, same lookups | {run.AverageSeconds:F2} | {run.AverageTextsPerSecond:N0} |"));
        text.AppendLine(Invariant($"\nSIF / average throughput: {run.SpeedVsAverage:F2}x"));
        if (run.Pairs.Count > 0)
        {
            text.AppendLine("\n| anchor | related (cos) | unrelated (cos) | holds |");
            text.AppendLine("| --- | --- | --- | --- |");
            foreach (var pair in run.Pairs)
            {
                text.AppendLine(Invariant($"| {pair.Anchor} | {pair.Related} ({pair.RelatedCosine:F3}) | {pair.Unrelated} ({pair.UnrelatedCosine:F3}) | {(pair.Holds ? "yes" : "NO")} |"));
            }
        }
        return text.ToString();
    }
}
