namespace Paperboy.Semantic.Vectors.Quantization;

/// <summary>
/// Scalar quantization to int8 with one scale per vector: each component becomes
/// round(x / max|x| * 127), so the largest component uses the full range and the dot product of two
/// code vectors times both scales approximates the float dot product. Codes stay in [-127, 127] so
/// that a product of two fits a short, which the SIMD kernel relies on. One scale per vector was
/// chosen over one per dimension by measurement (docs/SEMANTIC.md, "Vector index"): on clustered unit vectors
/// it ranks as well, and it needs no statistics shared across a segment, so a vector's codes do not
/// depend on which vectors it was stored with.
/// </summary>
internal static class Int8Quantizer
{
    public const int Levels = 127;

    /// <summary>Writes the codes of <paramref name="vector"/> and returns the scale that turns a code back into a value.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        var largest = 0f;
        foreach (var x in vector)
        {
            largest = MathF.Max(largest, MathF.Abs(x));
        }
        if (largest == 0f)
        {
            codes[..vector.Length].Clear();
            return 0f;
        }
        var toCode = Levels / largest;
        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] * toCode), -Levels, Levels);
        }
        return largest / Levels;
    }
}
