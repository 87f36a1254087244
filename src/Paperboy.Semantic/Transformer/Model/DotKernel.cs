using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Paperboy.Semantic.Transformer.Model;

/// <summary>
/// Dot products of a block of token rows with two weight rows at once. Four token rows by two weight
/// rows share their loads (6 loads feed 8 fused multiply-adds, where one dot at a time needs 2 per
/// FMA), which is what keeps a linear layer compute-bound. Rows left over from the groups of four go
/// through a one-row kernel with the same order of operations, so a row's result never depends on
/// where it sits in a batch: the same text gives the same bits alone or among others. Without
/// 256-bit FMA hardware everything goes through TensorPrimitives.Dot.
/// </summary>
internal static class DotKernel
{
    public static bool IsAccelerated { get; } = Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported;

    /// <summary>
    /// For k in [0, count): results[2k] = row k · w0 and results[2k + 1] = row k · w1, where row k is
    /// rows[k·n .. (k+1)·n]. When <paramref name="w1"/> is empty only the even results are written.
    /// </summary>
    public static void TwoWeightRows(ReadOnlySpan<float> rows, int count, int n, ReadOnlySpan<float> w0, ReadOnlySpan<float> w1, Span<float> results)
    {
        var k = 0;
        if (IsAccelerated)
        {
            // A lone last weight row reuses w0 as its partner; the extra result is ignored.
            var second = w1.IsEmpty ? w0 : w1;
            Span<float> pair = stackalloc float[2];
            for (; k + 4 <= count; k += 4)
                FourByTwo(rows.Slice(k * n, 4 * n), n, w0, second, results.Slice(2 * k, 8));
            for (; k < count; k++)
            {
                OneByTwo(rows.Slice(k * n, n), w0, second, pair);
                results[2 * k] = pair[0];
                if (!w1.IsEmpty)
                    results[2 * k + 1] = pair[1];
            }
            return;
        }
        for (; k < count; k++)
        {
            var row = rows.Slice(k * n, n);
            results[2 * k] = TensorPrimitives.Dot(row, w0);
            if (!w1.IsEmpty)
                results[2 * k + 1] = TensorPrimitives.Dot(row, w1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourByTwo(ReadOnlySpan<float> rows, int n, ReadOnlySpan<float> w0, ReadOnlySpan<float> w1, Span<float> results)
    {
        ref var x = ref MemoryMarshal.GetReference(rows);
        ref var a = ref MemoryMarshal.GetReference(w0);
        ref var b = ref MemoryMarshal.GetReference(w1);
        var (s00, s01, s10, s11) = (Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero);
        var (s20, s21, s30, s31) = (Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero);
        var (r1, r2, r3) = ((nuint)n, (nuint)(2 * n), (nuint)(3 * n));
        nuint i = 0;
        for (; i + 8 <= (nuint)n; i += 8)
        {
            var wa = Vector256.LoadUnsafe(ref a, i);
            var wb = Vector256.LoadUnsafe(ref b, i);
            var x0 = Vector256.LoadUnsafe(ref x, i);
            s00 = Vector256.FusedMultiplyAdd(x0, wa, s00);
            s01 = Vector256.FusedMultiplyAdd(x0, wb, s01);
            var x1 = Vector256.LoadUnsafe(ref x, r1 + i);
            s10 = Vector256.FusedMultiplyAdd(x1, wa, s10);
            s11 = Vector256.FusedMultiplyAdd(x1, wb, s11);
            var x2 = Vector256.LoadUnsafe(ref x, r2 + i);
            s20 = Vector256.FusedMultiplyAdd(x2, wa, s20);
            s21 = Vector256.FusedMultiplyAdd(x2, wb, s21);
            var x3 = Vector256.LoadUnsafe(ref x, r3 + i);
            s30 = Vector256.FusedMultiplyAdd(x3, wa, s30);
            s31 = Vector256.FusedMultiplyAdd(x3, wb, s31);
        }
        Span<float> sums =
        [
            Vector256.Sum(s00), Vector256.Sum(s01), Vector256.Sum(s10), Vector256.Sum(s11),
            Vector256.Sum(s20), Vector256.Sum(s21), Vector256.Sum(s30), Vector256.Sum(s31),
        ];
        for (; i < (nuint)n; i++)
        {
            var (wa, wb) = (Unsafe.Add(ref a, i), Unsafe.Add(ref b, i));
            for (nuint r = 0; r < 4; r++)
            {
                var value = Unsafe.Add(ref x, r * (nuint)n + i);
                sums[(int)(2 * r)] += value * wa;
                sums[(int)(2 * r + 1)] += value * wb;
            }
        }
        sums.CopyTo(results);
    }

    /// <summary>One row of <see cref="FourByTwo"/>, operation for operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OneByTwo(ReadOnlySpan<float> row, ReadOnlySpan<float> w0, ReadOnlySpan<float> w1, Span<float> results)
    {
        ref var x = ref MemoryMarshal.GetReference(row);
        ref var a = ref MemoryMarshal.GetReference(w0);
        ref var b = ref MemoryMarshal.GetReference(w1);
        var (s0, s1) = (Vector256<float>.Zero, Vector256<float>.Zero);
        var n = (nuint)row.Length;
        nuint i = 0;
        for (; i + 8 <= n; i += 8)
        {
            var x0 = Vector256.LoadUnsafe(ref x, i);
            s0 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref a, i), s0);
            s1 = Vector256.FusedMultiplyAdd(x0, Vector256.LoadUnsafe(ref b, i), s1);
        }
        var (sum0, sum1) = (Vector256.Sum(s0), Vector256.Sum(s1));
        for (; i < n; i++)
        {
            var value = Unsafe.Add(ref x, i);
            sum0 += value * Unsafe.Add(ref a, i);
            sum1 += value * Unsafe.Add(ref b, i);
        }
        results[0] = sum0;
        results[1] = sum1;
    }
}
