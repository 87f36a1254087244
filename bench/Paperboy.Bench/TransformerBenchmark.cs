using System.Diagnostics;
using Paperboy.Semantic.Transformer;

namespace Paperboy.Bench;

/// <summary>
/// Abstracts per second through the pure C# BERT encoder on a MiniLM-sized random model: float32 on
/// all cores against one core, and with --int8 the int8 weights against float32. Tokenizing alone is
/// measured too, since it runs once per abstract as well.
/// </summary>
internal static class TransformerBenchmark
{
    private const int WarmupTexts = 8;

    public static async Task<TransformerRun> RunAsync(BenchArguments arguments, ScratchDirectory scratch, TextWriter log, CancellationToken cancellationToken)
    {
        var environment = RunEnvironment.Capture(await RunEnvironment.SqliteVersionAsync(cancellationToken));
        var folder = scratch.File("minilm-random");
        log.WriteLine("bench: writing a MiniLM-sized random model (384 hidden, 6 layers, 30,522 tokens)");
        RandomMiniLm.Write(folder, arguments.Seed);
        var texts = SyntheticAbstracts.Generate(arguments.Texts, arguments.Seed);
        var warmup = SyntheticAbstracts.Generate(WarmupTexts, arguments.Seed + 1);

        var all = TransformerEmbedder.Load(folder, new TransformerOptions());
        var tokens = texts.Sum(t => all.Tokenizer.Encode(t, all.MaxTokens).Length);
        var tokenizerRate = TokenizerRate(all, texts);
        log.WriteLine($"bench: {texts.Length} abstracts, {tokens / (double)texts.Length:F0} tokens each on average (max {all.MaxTokens})");

        var rows = new List<TransformerMeasurement>
        {
            Measure("float32", Environment.ProcessorCount, all, texts, warmup, log, cancellationToken),
            Measure("float32", 1, TransformerEmbedder.Load(folder, new TransformerOptions { MaxDegreeOfParallelism = 1 }), texts, warmup, log, cancellationToken),
        };
        if (arguments.Int8)
        {
            rows.Add(Measure("int8", Environment.ProcessorCount, TransformerEmbedder.Load(folder, new TransformerOptions { Int8Weights = true }), texts, warmup, log, cancellationToken));
            rows.Add(Measure("int8", 1, TransformerEmbedder.Load(folder, new TransformerOptions { Int8Weights = true, MaxDegreeOfParallelism = 1 }), texts, warmup, log, cancellationToken));
        }
        return new TransformerRun(environment, texts.Length, arguments.Seed, tokens / (double)texts.Length, all.MaxTokens, tokenizerRate, rows);
    }

    private static TransformerMeasurement Measure(string weights, int cores, TransformerEmbedder embedder, string[] texts, string[] warmup, TextWriter log, CancellationToken cancellationToken)
    {
        log.WriteLine($"bench: embedding with {weights} weights on {cores} core(s)");
        embedder.Embed(warmup, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        embedder.Embed(texts, cancellationToken);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new TransformerMeasurement(weights, cores, seconds, texts.Length / seconds, LoadAverage.Read()?.ToString() ?? "n/a");
    }

    /// <summary>Abstracts per second through the tokenizer alone, on one core.</summary>
    private static double TokenizerRate(TransformerEmbedder embedder, string[] texts)
    {
        foreach (var text in texts)
            embedder.Tokenizer.Encode(text, embedder.MaxTokens);
        var rounds = Math.Max(1, 20_000 / texts.Length);
        var started = Stopwatch.GetTimestamp();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in texts)
                embedder.Tokenizer.Encode(text, embedder.MaxTokens);
        }
        return rounds * texts.Length / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}

/// <summary>One run; the load average is read at its end, since the machine may be shared.</summary>
internal sealed record TransformerMeasurement(string Weights, int Cores, double Seconds, double AbstractsPerSecond, string LoadAverage);

internal sealed record TransformerRun(
    RunEnvironment Environment,
    int Texts,
    int Seed,
    double AverageTokens,
    int MaxTokens,
    double TokenizerAbstractsPerSecond,
    IReadOnlyList<TransformerMeasurement> Measurements);
