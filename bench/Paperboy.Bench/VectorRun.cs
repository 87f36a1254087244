namespace Paperboy.Bench;

/// <summary>One search path's figures: latency, and recall@10 against the float32 brute-force top 10.</summary>
internal sealed record VectorPathFigures(string Path, Latency Latency, double RecallAt10);

/// <summary>What the vectors verb measured.</summary>
internal sealed record VectorRun(
    RunEnvironment Environment,
    int Vectors,
    int Dimensions,
    int Queries,
    int Seed,
    double BuildSeconds,
    double OpenSeconds,
    long IndexBytes,
    double BytesPerVector,
    int EfSearchDefault,
    IReadOnlyList<VectorPathFigures> Paths,
    LoadAverage? LoadAfterBuild,
    LoadAverage? LoadAfterQueries);
