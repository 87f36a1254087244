using System.Buffers.Binary;
using System.Runtime.Intrinsics.X86;

namespace Paperboy.Search.Storage;

/// <summary>
/// CRC-32C (Castagnoli, the polynomial of iSCSI, RFC 3720 appendix B.4, and of ext4 and Lucene's
/// newer formats), which every index file ends with. System.IO.Hashing is not in our package
/// registry, so it is computed here: with the SSE4.2 crc32 instruction, eight bytes a step, when
/// the processor has it, and with a table otherwise; a test compares the two on the same bytes.
/// The vector index (Paperboy.Semantic) compiles this same file.
/// </summary>
internal struct Crc32C
{
    private const uint Polynomial = 0x82F63B78; // reflected 0x1EDC6F41
    private static readonly uint[] Table = BuildTable();

    private uint _state;

    public Crc32C()
    {
        _state = 0xFFFFFFFF;
    }

    public readonly uint Value => ~_state;

    public void Append(ReadOnlySpan<byte> data) => _state = Sse42.X64.IsSupported ? AppendHardware(_state, data) : AppendTable(_state, data);

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = new Crc32C();
        crc.Append(data);
        return crc.Value;
    }

    /// <summary>The byte-at-a-time table version: the reference the hardware path is tested against.</summary>
    internal static uint ComputeWithTable(ReadOnlySpan<byte> data) => ~AppendTable(0xFFFFFFFF, data);

    private static uint AppendHardware(uint crc, ReadOnlySpan<byte> data)
    {
        ulong state = crc;
        while (data.Length >= 8)
        {
            state = Sse42.X64.Crc32(state, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        crc = (uint)state;
        foreach (var b in data)
        {
            crc = Sse42.Crc32(crc, b);
        }
        return crc;
    }

    private static uint AppendTable(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }
        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var crc = i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ Polynomial : crc >> 1;
            }
            table[i] = crc;
        }
        return table;
    }
}
