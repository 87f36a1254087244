using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// Collects words and their vectors, quantizing as they come, and writes a <c>.pbv</c> file
/// (<see cref="WordVectorFormat"/>) atomically: a temp file beside the target, flushed, then renamed over
/// it, so a reader sees the old file or the whole new one. A repeated word keeps its first vector
/// (the more frequent one, in a frequency-ranked file); empty and over-long words are skipped.
/// </summary>
internal sealed class WordVectorTableWriter
{
    private readonly List<byte[]> _words = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<float> _scales = [];
    private readonly List<sbyte> _vectors = [];
    private double _fidelitySum;
    private double _minFidelity = 1;

    public WordVectorTableWriter(string name, int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        Name = name;
        Dimensions = dimensions;
    }

    public string Name { get; }

    public int Dimensions { get; }

    public int Count => _words.Count;

    public int Skipped { get; private set; }

    public void Add(string word, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new InvalidDataException($"word vectors: \"{word}\" has {vector.Length} components, expected {Dimensions}");
        }
        var bytes = Encoding.UTF8.GetBytes(word);
        if (bytes.Length == 0 || bytes.Length > WordVectorFormat.MaxWordBytes || !_seen.Add(word))
        {
            Skipped++;
            return;
        }
        Span<sbyte> quantized = stackalloc sbyte[Dimensions];
        var scale = Int8Quantizer.Quantize(vector, quantized);
        var fidelity = Int8Quantizer.Fidelity(vector, quantized, scale);
        _fidelitySum += fidelity;
        _minFidelity = Math.Min(_minFidelity, fidelity);
        _words.Add(bytes);
        _scales.Add(scale);
        foreach (var q in quantized)
        {
            _vectors.Add(q);
        }
    }

    public WordVectorConversion Write(string path)
    {
        if (Count == 0)
        {
            throw new InvalidDataException("word vectors: the source has no words");
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                void Put(ReadOnlySpan<byte> bytes)
                {
                    file.Write(bytes);
                    hash.AppendData(bytes);
                }

                var name = Encoding.UTF8.GetBytes(Name);
                var wordBytes = _words.Sum(w => (long)w.Length);
                if (wordBytes > int.MaxValue)
                {
                    throw new InvalidDataException("word vectors: the words take more than 2 GB");
                }
                Span<byte> header = stackalloc byte[WordVectorFormat.HeaderBytes];
                header.Clear();
                BinaryPrimitives.WriteUInt32LittleEndian(header, WordVectorFormat.Magic);
                BinaryPrimitives.WriteInt32LittleEndian(header[4..], WordVectorFormat.Version);
                BinaryPrimitives.WriteInt32LittleEndian(header[8..], Count);
                BinaryPrimitives.WriteInt32LittleEndian(header[12..], Dimensions);
                BinaryPrimitives.WriteInt32LittleEndian(header[16..], WordVectorFormat.Int8PerVectorScale);
                BinaryPrimitives.WriteInt32LittleEndian(header[20..], name.Length);
                BinaryPrimitives.WriteInt32LittleEndian(header[24..], (int)wordBytes);
                Put(header);
                Put(name);

                var offsets = new int[Count + 1];
                for (var i = 0; i < Count; i++)
                {
                    offsets[i + 1] = offsets[i] + _words[i].Length;
                }
                Put(ToLittleEndianBytes(offsets));
                foreach (var word in _words)
                {
                    Put(word);
                }
                Put(ToLittleEndianBytes(CollectionsMarshal.AsSpan(_scales)));
                Put(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(_vectors)));

                var checksum = hash.GetHashAndReset();
                file.Write(checksum);
                Span<byte> magic = stackalloc byte[4];
                BinaryPrimitives.WriteUInt32LittleEndian(magic, WordVectorFormat.Magic);
                file.Write(magic);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return new WordVectorConversion(path, Name, Count, Dimensions, Skipped, new FileInfo(path).Length,
            _fidelitySum / Count, _minFidelity);
    }

    private static ReadOnlySpan<byte> ToLittleEndianBytes<T>(ReadOnlySpan<T> values) where T : struct
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("word vectors: the .pbv format is written on little-endian machines only");
        }
        return MemoryMarshal.AsBytes(values);
    }

    private static ReadOnlySpan<byte> ToLittleEndianBytes(int[] values) => ToLittleEndianBytes<int>(values);
}
