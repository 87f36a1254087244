namespace Paperboy.Bench;

/// <summary>The figures of one <c>embed-wordvectors</c> run, for the table and the JSON.</summary>
internal sealed record WordVectorsRun(
    RunEnvironment Environment,
    string VectorsSource,
    string TableName,
    int Words,
    int Dimensions,
    double? ConversionSeconds,
    double? MeanFidelity,
    double? MinFidelity,
    long TableBytes,
    double LoadSeconds,
    int Texts,
    int Seed,
    double TokensPerText,
    double KnownWordsPerText,
    double FitSeconds,
    double SifSeconds,
    double SifTextsPerSecond,
    double AverageSeconds,
    double AverageTextsPerSecond,
    IReadOnlyList<PairCheck> Pairs)
{
    /// <summary>SIF's rate over the plain average's.</summary>
    public double SpeedVsAverage => SifTextsPerSecond / AverageTextsPerSecond;
}

/// <summary>A handwritten sanity check on the real vectors: the anchor should be closer to the related text.</summary>
internal sealed record PairCheck(string Anchor, string Related, string Unrelated, double RelatedCosine, double UnrelatedCosine)
{
    public bool Holds => RelatedCosine > UnrelatedCosine;
}
