namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// Symmetric int8 quantization with one scale per vector: the largest magnitude maps to 127, so every
/// component keeps an absolute error of at most half a step (scale / 2).
/// </summary>
internal static class Int8Quantizer
{
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> destination)
    {
        var max = 0f;
        foreach (var value in vector)
        {
            max = MathF.Max(max, MathF.Abs(value));
        }
        var scale = max / 127f;
        if (scale == 0f)
        {
            destination[..vector.Length].Clear();
            return 0f;
        }
        for (var i = 0; i < vector.Length; i++)
        {
            destination[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127f, 127f);
        }
        return scale;
    }

    public static void Dequantize(ReadOnlySpan<sbyte> quantized, float scale, Span<float> destination)
    {
        for (var i = 0; i < quantized.Length; i++)
        {
            destination[i] = quantized[i] * scale;
        }
    }

    /// <summary>The cosine between a vector and its reconstruction: the quality the encoding keeps.</summary>
    public static double Fidelity(ReadOnlySpan<float> original, ReadOnlySpan<sbyte> quantized, float scale)
    {
        double dot = 0, a = 0, b = 0;
        for (var i = 0; i < original.Length; i++)
        {
            double restored = quantized[i] * scale;
            dot += original[i] * restored;
            a += (double)original[i] * original[i];
            b += restored * restored;
        }
        return a == 0 || b == 0 ? (a == b ? 1 : 0) : dot / Math.Sqrt(a * b);
    }
}
