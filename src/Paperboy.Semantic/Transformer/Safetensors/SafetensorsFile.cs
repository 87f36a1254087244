using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Paperboy.Semantic.Transformer.Safetensors;

/// <summary>
/// A .safetensors file (github.com/huggingface/safetensors): an 8-byte little-endian header length,
/// a JSON header of {name: {dtype, shape, data_offsets}} plus an optional "__metadata__" map, then the
/// raw little-endian tensor bytes. The header is checked whole on open; each tensor is read once, by
/// offset, and widened to float32.
/// </summary>
public sealed class SafetensorsFile : IDisposable
{
    /// <summary>The format's own bound: a header over 100 MB is refused before it is read.</summary>
    private const long MaxHeaderBytes = 100_000_000;

    private readonly SafeFileHandle _handle;
    private readonly long _dataStart;

    private SafetensorsFile(string path, SafeFileHandle handle, long dataStart, byte[] header,
        Dictionary<string, SafetensorsTensor> tensors, Dictionary<string, string> metadata)
    {
        Path = path;
        _handle = handle;
        _dataStart = dataStart;
        HeaderBytes = header;
        Tensors = tensors;
        Metadata = metadata;
    }

    public string Path { get; }

    /// <summary>The JSON header as stored, for fingerprints.</summary>
    public ReadOnlyMemory<byte> HeaderBytes { get; }

    public IReadOnlyDictionary<string, SafetensorsTensor> Tensors { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }

    public static SafetensorsFile Open(string path)
    {
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        try
        {
            var fileLength = RandomAccess.GetLength(handle);
            if (fileLength < 8)
                throw Invalid(path, $"the file is {fileLength} bytes, shorter than the 8-byte header length");
            Span<byte> lengthBytes = stackalloc byte[8];
            RandomAccess.Read(handle, lengthBytes, 0);
            var headerLength = BitConverter.ToInt64(BitConverter.IsLittleEndian ? lengthBytes : Reversed(lengthBytes));
            if (headerLength <= 0 || headerLength > MaxHeaderBytes || headerLength > fileLength - 8)
                throw Invalid(path, $"header length {headerLength} is out of bounds (file is {fileLength} bytes, limit {MaxHeaderBytes})");
            var header = new byte[headerLength];
            RandomAccess.Read(handle, header, 8);
            var dataLength = fileLength - 8 - headerLength;
            var (tensors, metadata) = SafetensorsHeader.Parse(path, header, dataLength);
            return new SafetensorsFile(path, handle, 8 + headerLength, header, tensors, metadata);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public bool Contains(string name) => Tensors.ContainsKey(name);

    /// <summary>The tensor's values as float32, row-major in the header's shape.</summary>
    public float[] ReadFloat32(string name)
    {
        if (!Tensors.TryGetValue(name, out var tensor))
            throw MissingTensor(name);
        var values = new float[tensor.ElementCount];
        switch (tensor.DType)
        {
            case SafetensorsDType.F32:
                ReadExactly(tensor, MemoryMarshal.AsBytes(values.AsSpan()));
                if (!BitConverter.IsLittleEndian)
                    throw new PlatformNotSupportedException("safetensors: big-endian machines are not supported");
                break;
            case SafetensorsDType.F16:
                var halves = new Half[values.Length];
                ReadExactly(tensor, MemoryMarshal.AsBytes(halves.AsSpan()));
                System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(halves, values);
                break;
            case SafetensorsDType.BF16:
                // bfloat16 is the top half of a float32: shift the 16 bits back into place.
                var raw = new ushort[values.Length];
                ReadExactly(tensor, MemoryMarshal.AsBytes(raw.AsSpan()));
                var bits = MemoryMarshal.Cast<float, uint>(values.AsSpan());
                for (var i = 0; i < raw.Length; i++)
                    bits[i] = (uint)raw[i] << 16;
                break;
            default:
                throw Invalid(Path, $"tensor '{name}' has dtype {tensor.DType}; only F32, F16 and BF16 tensors can be read as float32");
        }
        return values;
    }

    private void ReadExactly(SafetensorsTensor tensor, Span<byte> destination)
    {
        var offset = _dataStart + tensor.Begin;
        while (!destination.IsEmpty)
        {
            var read = RandomAccess.Read(_handle, destination, offset);
            if (read == 0)
                throw Invalid(Path, $"tensor '{tensor.Name}' ends past the end of the file");
            destination = destination[read..];
            offset += read;
        }
    }

    private static byte[] Reversed(ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Array.Reverse(copy);
        return copy;
    }

    internal InvalidDataException MissingTensor(string name) => Invalid(Path, $"no tensor named '{name}'");

    internal static InvalidDataException Invalid(string path, string problem) => new($"safetensors: {path}: {problem}");

    public void Dispose() => _handle.Dispose();
}
