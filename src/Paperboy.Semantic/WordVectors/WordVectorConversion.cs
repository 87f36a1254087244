namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// What a conversion wrote. <see cref="MeanFidelity"/> and <see cref="MinFidelity"/> are the mean and worst
/// cosine between an original vector and its int8 reconstruction, over every vector written.
/// </summary>
public sealed record WordVectorConversion(
    string Path,
    string Name,
    int Count,
    int Dimensions,
    int SkippedWords,
    long Bytes,
    double MeanFidelity,
    double MinFidelity);
