namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// The layout of a <c>.pbv</c> word-vector file, little-endian throughout:
/// <code>
/// header   32 bytes: "PBWV", version, count, dimensions, encoding, name bytes, word bytes, 0
/// name     the table's short name in UTF-8 (it goes into model ids)
/// offsets  (count + 1) int32: word i is words[offsets[i]..offsets[i+1]]
/// words    UTF-8, in the source file's order (GloVe files are ranked by frequency, so index = rank)
/// scales   count float32: vector i is scales[i] * (its int8 components)
/// vectors  count * dimensions int8
/// footer   SHA-256 of everything before it (32 bytes), then "PBWV"
/// </code>
/// Int8 with a per-vector scale rather than float16: the vectors take half the space (34 MB for 341k x 100 against 68 MB; the whole file is 38 MiB),
/// and the reconstructed vectors keep a cosine above 0.999 with the originals (measured by the converter
/// on every vector it writes), far below the noise of a bag-of-words sentence embedding.
/// </summary>
internal static class WordVectorFormat
{
    public const uint Magic = 0x56574250; // "PBWV" read as a little-endian uint32
    public const int Version = 1;
    public const int Int8PerVectorScale = 1;
    public const int HeaderBytes = 32;
    public const int ChecksumBytes = 32;
    public const int FooterBytes = ChecksumBytes + 4;

    /// <summary>Longer words are not stored and never looked up: no real word is this long.</summary>
    public const int MaxWordBytes = 256;
}
