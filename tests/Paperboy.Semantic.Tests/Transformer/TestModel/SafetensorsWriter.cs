using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Paperboy.Semantic.Tests.Transformer.TestModel;

/// <summary>Writes a .safetensors file from float tensors, in F32, F16 or BF16, for tests.</summary>
internal static class SafetensorsWriter
{
    public static void Write(string path, IReadOnlyDictionary<string, TestTensor> tensors, string dtype = "F32")
    {
        var header = new Dictionary<string, object> { ["__metadata__"] = new Dictionary<string, string> { ["format"] = "pt" } };
        var data = new MemoryStream();
        foreach (var (name, tensor) in tensors.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var begin = data.Length;
            foreach (var value in tensor.Values)
                WriteValue(data, value, dtype);
            header[name] = new { dtype, shape = tensor.Shape, data_offsets = new[] { begin, data.Length } };
        }
        WriteRaw(path, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header)), data.ToArray());
    }

    /// <summary>Any header bytes and data, for files that break the format on purpose.</summary>
    public static void WriteRaw(string path, byte[] header, byte[] data, long? declaredHeaderLength = null)
    {
        using var file = File.Create(path);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, declaredHeaderLength ?? header.Length);
        file.Write(length);
        file.Write(header);
        file.Write(data);
    }

    private static void WriteValue(Stream stream, float value, string dtype)
    {
        Span<byte> bytes = stackalloc byte[4];
        switch (dtype)
        {
            case "F32":
                BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
                stream.Write(bytes);
                break;
            case "F16":
                BinaryPrimitives.WriteHalfLittleEndian(bytes, (Half)value);
                stream.Write(bytes[..2]);
                break;
            case "BF16":
                // Truncation is enough here: the test compares with the same truncated value.
                BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)(BitConverter.SingleToUInt32Bits(value) >> 16));
                stream.Write(bytes[..2]);
                break;
            default:
                throw new ArgumentException($"unknown dtype {dtype}", nameof(dtype));
        }
    }
}

/// <summary>A row-major float tensor.</summary>
internal sealed record TestTensor(long[] Shape, float[] Values);
