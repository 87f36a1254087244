using Paperboy.Semantic.Vectors.Quantization;

namespace Paperboy.Semantic.Vectors.Search;

/// <summary>A query quantized once for the exact scan of every segment.</summary>
internal sealed class QueryCodes
{
    public QueryCodes(ReadOnlySpan<float> query)
    {
        Codes = new sbyte[query.Length];
        Int8Quantizer.Quantize(query, Codes);
    }

    /// <summary>The query's codes. Its scale is left out: it multiplies every approximate score alike and cannot change their order.</summary>
    public sbyte[] Codes { get; }
}
