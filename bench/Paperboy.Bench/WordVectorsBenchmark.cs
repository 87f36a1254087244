using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text.Json;
using Paperboy.Ingest.Synthetic;
using Paperboy.Semantic.WordVectors;

namespace Paperboy.Bench;

/// <summary>
/// Word-vector embedding throughput on one thread. The vectors are the real table (a <c>.pbv</c>, or a
/// wink JSON, its tarball or a GloVe text file, converted first and timed); the texts are title plus
/// abstract of the synthetic corpus, whose scientific words are real and whose filler words are made up
/// (so fewer tokens hit the table than in real abstracts, and the lookups that miss cost the same).
/// Peer: the unweighted average over the same lookups (<see cref="AveragingPeer"/>).
/// </summary>
internal static class WordVectorsBenchmark
{
    private const int WarmupTexts = 2_000;

    // A few handwritten sentence triples, so the run shows the real vectors doing their job.
    private static readonly (string Anchor, string Related, string Unrelated)[] Triples =
    [
        ("Deep neural networks for image classification",
            "Convolutional networks recognise objects in photographs",
            "Measuring the mass of the Higgs boson at the LHC"),
        ("Quantum entanglement between distant photons",
            "Bell inequality violation with entangled light",
            "Transformer language models for machine translation"),
        ("Gravitational waves from merging black holes",
            "LIGO detects a binary neutron star coalescence",
            "A survey of graph algorithms for social networks"),
        ("Protein folding predicted with machine learning",
            "Structure of enzymes determined from amino acid sequences",
            "Stock market volatility and interest rates"),
    ];

    public static async Task<WordVectorsRun> RunAsync(BenchArguments arguments, ScratchDirectory scratch, TextWriter log, CancellationToken cancellationToken)
    {
        if (arguments.TablePath is not { } source)
        {
            throw new ArgumentException("bench: embed-wordvectors needs --vectors PATH (a .pbv file, the wink JSON or tarball, or a GloVe text file)");
        }
        var environment = RunEnvironment.Capture(await RunEnvironment.SqliteVersionAsync(cancellationToken));
        var tablePath = source;
        WordVectorConversion? conversion = null;
        double? conversionSeconds = null;
        if (!source.EndsWith(".pbv", StringComparison.OrdinalIgnoreCase))
        {
            log.WriteLine($"bench: converting {source}");
            tablePath = scratch.File("vectors.pbv");
            var converting = Stopwatch.GetTimestamp();
            conversion = await WordVectorConverter.ConvertAsync(source, tablePath, Path.GetFileNameWithoutExtension(source), cancellationToken);
            conversionSeconds = Stopwatch.GetElapsedTime(converting).TotalSeconds;
        }
        var loading = Stopwatch.GetTimestamp();
        var table = WordVectorTable.Open(tablePath);
        var loadSeconds = Stopwatch.GetElapsedTime(loading).TotalSeconds;

        log.WriteLine($"bench: writing {arguments.Texts:N0} synthetic abstracts (seed {arguments.Seed})");
        var texts = SyntheticTexts(arguments.Texts, arguments.Seed);

        log.WriteLine("bench: fitting SIF");
        var fitting = Stopwatch.GetTimestamp();
        var model = SifModel.Fit(table, texts, cancellationToken: cancellationToken);
        var fitSeconds = Stopwatch.GetElapsedTime(fitting).TotalSeconds;
        var sif = new SifEmbedder(table, model);
        var peer = new AveragingPeer(table);

        var vector = new float[table.Dimensions];
        for (var i = 0; i < Math.Min(WarmupTexts, texts.Length); i++)
        {
            sif.Embed(texts[i], vector);
            peer.Embed(texts[i], vector);
        }
        // Two rounds, alternating, best of each: neither side gains from going second (warm caches, GC after the fit).
        double sifSeconds = double.MaxValue, averageSeconds = double.MaxValue;
        long known = 0;
        for (var round = 1; round <= 2; round++)
        {
            log.WriteLine($"bench: round {round}: embedding with SIF, then with the plain average");
            (var seconds, known) = Time(texts, text => sif.Embed(text, vector));
            sifSeconds = Math.Min(sifSeconds, seconds);
            averageSeconds = Math.Min(averageSeconds, Time(texts, text => peer.Embed(text, vector)).Seconds);
        }

        return new WordVectorsRun(environment, source, table.Name, table.Count, table.Dimensions,
            conversionSeconds, conversion?.MeanFidelity, conversion?.MinFidelity, new FileInfo(tablePath).Length, loadSeconds,
            texts.Length, arguments.Seed, texts.Average(CountTokens), known / (double)texts.Length,
            fitSeconds, sifSeconds, texts.Length / sifSeconds, averageSeconds, texts.Length / averageSeconds,
            Triples.Select(t => Check(sif, t)).ToList());
    }

    private static (double Seconds, long Words) Time(string[] texts, Func<string, int> embed)
    {
        long words = 0;
        var started = Stopwatch.GetTimestamp();
        foreach (var text in texts)
        {
            words += embed(text);
        }
        return (Stopwatch.GetElapsedTime(started).TotalSeconds, words);
    }

    private static string[] SyntheticTexts(int count, int seed)
    {
        using var writer = new StringWriter();
        SyntheticCorpus.Write(writer, count, seed);
        using var reader = new StringReader(writer.ToString());
        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            using var document = JsonDocument.Parse(reader.ReadLine()!);
            var root = document.RootElement;
            texts[i] = root.GetProperty("title").GetString() + "\n" + root.GetProperty("abstract").GetString();
        }
        return texts;
    }

    private static int CountTokens(string text)
    {
        Span<char> buffer = stackalloc char[TextTokens.MaxLength];
        var tokens = new TextTokens(text, buffer);
        var count = 0;
        while (tokens.MoveNext(out _))
        {
            count++;
        }
        return count;
    }

    private static PairCheck Check(SifEmbedder sif, (string Anchor, string Related, string Unrelated) triple)
    {
        var vectors = sif.Embed([triple.Anchor, triple.Related, triple.Unrelated]);
        return new PairCheck(triple.Anchor, triple.Related, triple.Unrelated,
            TensorPrimitives.Dot(vectors[0], vectors[1]), TensorPrimitives.Dot(vectors[0], vectors[2]));
    }
}
