using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Paperboy.Semantic.Vectors.Quantization;

/// <summary>
/// The dot product of two int8 code vectors, the inner loop of the exact scan. TensorPrimitives.Dot
/// on sbyte would sum in sbyte and overflow, so the AVX2 path widens 16 codes at a time to shorts and
/// uses vpmaddwd (multiply, then add neighbouring pairs into ints); codes lie in [-127, 127], so no
/// pair sum can overflow. Elsewhere it falls back to the plain loop, which is also the reference the
/// tests compare it with.
/// </summary>
internal static class Int8Dot
{
    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("vector index: code vectors differ in length", nameof(b));
        }
        return Avx2.IsSupported && a.Length >= 32 ? DotAvx2(a, b) : Reference(a, b);
    }

    internal static int Reference(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static int DotAvx2(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        ref var left = ref MemoryMarshal.GetReference(a);
        ref var right = ref MemoryMarshal.GetReference(b);
        var sum = Vector256<int>.Zero;
        var i = 0;
        for (; i <= a.Length - 16; i += 16)
        {
            var x = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref left, (nuint)i));
            var y = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref right, (nuint)i));
            sum = Avx2.Add(sum, Avx2.MultiplyAddAdjacent(x, y));
        }
        var total = Vector256.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += Unsafe.Add(ref left, i) * Unsafe.Add(ref right, i);
        }
        return total;
    }
}
