using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// A word-vector table read whole from a <c>.pbv</c> file (<see cref="WordVectorFormat"/>): the checksum is
/// verified on open, then words are found through an open-addressing hash table built in memory, without
/// allocating per lookup. Vectors stay int8 in memory (the 341k-word file is 38 MiB) and are widened on
/// demand. Immutable and safe to share between threads.
/// </summary>
public sealed class WordVectorTable
{
    private readonly byte[] _data;
    private readonly int[] _offsets;
    private readonly int _wordsStart;
    private readonly float[] _scales;
    private readonly int _vectorsStart;
    private readonly int[] _slots; // word index + 1, or 0 for an empty slot

    private WordVectorTable(byte[] data, string name, int count, int dimensions, int[] offsets, int wordsStart, float[] scales, int vectorsStart, string checksum)
    {
        _data = data;
        Name = name;
        Count = count;
        Dimensions = dimensions;
        _offsets = offsets;
        _wordsStart = wordsStart;
        _scales = scales;
        _vectorsStart = vectorsStart;
        Checksum = checksum;
        _slots = new int[Math.Max(16, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)count * 2))];
        for (var i = 0; i < count; i++)
        {
            var slot = (int)(Hash(WordBytes(i)) & (uint)(_slots.Length - 1));
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }
            _slots[slot] = i + 1;
        }
    }

    /// <summary>The short name given at conversion, e.g. <c>wink-sg-100d</c>; it goes into model ids.</summary>
    public string Name { get; }

    public int Count { get; }

    public int Dimensions { get; }

    /// <summary>The file's SHA-256 in hex: a fingerprint of exactly these vectors.</summary>
    public string Checksum { get; }

    /// <summary>Reads and verifies a <c>.pbv</c> file; a truncated or corrupt file is an <see cref="InvalidDataException"/> naming it.</summary>
    public static WordVectorTable Open(string path)
    {
        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"word vectors: {path} does not exist", path, e);
        }
        return Read(data, path);
    }

    internal static WordVectorTable Read(byte[] data, string source)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("word vectors: the .pbv format is read on little-endian machines only");
        }
        string Corrupt(string why) =>
            $"word vectors: {source} is not a usable .pbv file ({why}); delete it and convert or install the vectors again";

        if (data.Length < WordVectorFormat.HeaderBytes + WordVectorFormat.FooterBytes
            || BinaryPrimitives.ReadUInt32LittleEndian(data) != WordVectorFormat.Magic)
        {
            throw new InvalidDataException(Corrupt("no PBWV header"));
        }
        var version = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(4));
        if (version != WordVectorFormat.Version)
        {
            throw new InvalidDataException(Corrupt($"format version {version}, this build reads {WordVectorFormat.Version}"));
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(8));
        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(12));
        var encoding = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(16));
        var nameBytes = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(20));
        var wordBytes = BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(24));
        if (count <= 0 || dimensions <= 0 || nameBytes < 0 || wordBytes < 0 || encoding != WordVectorFormat.Int8PerVectorScale)
        {
            throw new InvalidDataException(Corrupt("impossible header values"));
        }
        long offsetsStart = WordVectorFormat.HeaderBytes + nameBytes;
        var wordsStart = offsetsStart + 4L * (count + 1);
        var scalesStart = wordsStart + wordBytes;
        var vectorsStart = scalesStart + 4L * count;
        var expected = vectorsStart + (long)count * dimensions + WordVectorFormat.FooterBytes;
        if (expected != data.Length)
        {
            throw new InvalidDataException(Corrupt($"{data.Length:N0} bytes where the header promises {expected:N0}; truncated?"));
        }
        var body = data.AsSpan(0, data.Length - WordVectorFormat.FooterBytes);
        var checksum = SHA256.HashData(body);
        if (!checksum.AsSpan().SequenceEqual(data.AsSpan(body.Length, WordVectorFormat.ChecksumBytes))
            || BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(data.Length - 4)) != WordVectorFormat.Magic)
        {
            throw new InvalidDataException(Corrupt("checksum mismatch"));
        }

        var name = Encoding.UTF8.GetString(data, WordVectorFormat.HeaderBytes, nameBytes);
        var offsets = MemoryMarshal.Cast<byte, int>(data.AsSpan((int)offsetsStart, 4 * (count + 1))).ToArray();
        for (var i = 0; i < count; i++)
        {
            if (offsets[i] < 0 || offsets[i] > offsets[i + 1] || offsets[i + 1] > wordBytes)
            {
                throw new InvalidDataException(Corrupt($"word offset {i} out of range"));
            }
        }
        var scales = MemoryMarshal.Cast<byte, float>(data.AsSpan((int)scalesStart, 4 * count)).ToArray();
        return new WordVectorTable(data, name, count, dimensions, offsets, (int)wordsStart, scales, (int)vectorsStart, Convert.ToHexStringLower(checksum));
    }

    /// <summary>Copies the vector of <paramref name="word"/> (matched exactly, so pass it lowercased for GloVe) into <paramref name="destination"/>.</summary>
    public bool TryGetVector(ReadOnlySpan<char> word, Span<float> destination)
    {
        if (!TryGetIndex(word, out var index))
        {
            return false;
        }
        Int8Quantizer.Dequantize(Quantized(index), _scales[index], destination[..Dimensions]);
        return true;
    }

    /// <summary>The word's row, which is its frequency rank in a GloVe-ordered source.</summary>
    public bool TryGetIndex(ReadOnlySpan<char> word, out int index)
    {
        index = -1;
        if (word.IsEmpty || word.Length > WordVectorFormat.MaxWordBytes)
        {
            return false;
        }
        Span<byte> utf8 = stackalloc byte[WordVectorFormat.MaxWordBytes * 3];
        if (Encoding.UTF8.GetBytes(word, utf8) is var length && length > WordVectorFormat.MaxWordBytes)
        {
            return false;
        }
        return TryGetIndex(utf8[..length], out index);
    }

    internal bool TryGetIndex(ReadOnlySpan<byte> utf8, out int index)
    {
        var mask = _slots.Length - 1;
        for (var slot = (int)(Hash(utf8) & (uint)mask); ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                index = -1;
                return false;
            }
            if (WordBytes(entry - 1).SequenceEqual(utf8))
            {
                index = entry - 1;
                return true;
            }
        }
    }

    public string WordAt(int index) => Encoding.UTF8.GetString(WordBytes(index));

    public void CopyVector(int index, Span<float> destination) =>
        Int8Quantizer.Dequantize(Quantized(index), _scales[index], destination[..Dimensions]);

    internal float Scale(int index) => _scales[index];

    internal ReadOnlySpan<sbyte> Quantized(int index) =>
        MemoryMarshal.Cast<byte, sbyte>(_data.AsSpan(_vectorsStart + index * Dimensions, Dimensions));

    private ReadOnlySpan<byte> WordBytes(int index) =>
        _data.AsSpan(_wordsStart + _offsets[index], _offsets[index + 1] - _offsets[index]);

    // FNV-1a: short keys, no seed needed (the table is built from trusted data), and a few cycles a byte.
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }
        return hash;
    }
}
