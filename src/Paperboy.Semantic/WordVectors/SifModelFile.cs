using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Paperboy.Semantic.WordVectors;

/// <summary>
/// A fitted <see cref="SifModel"/> on disk, next to the vectors as <c>sif-&lt;fingerprint&gt;.bin</c>:
/// "PBSF", version, the vectors' checksum, a, the prior's weight, the total count, dimensions, the
/// (row, count) pairs of seen words in row order, the number of common components and each of them,
/// and a SHA-256 footer. Version 1 files (one component, no prior) are refitted, not read. A few MB even for millions of
/// abstracts, since only words the corpus used are stored.
/// </summary>
public static class SifModelFile
{
    private const uint Magic = 0x46534250; // "PBSF"
    private const int Version = 2;
    private const int ChecksumBytes = 32;

    public static string FileName(SifModel model) => $"sif-{model.Fingerprint}.bin";

    /// <summary>Writes the model atomically (temp file, then rename).</summary>
    public static void Save(SifModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var body = Serialize(model);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(body);
                file.Write(SHA256.HashData(body));
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Reads a model and checks it was fitted with <paramref name="table"/>.</summary>
    public static SifModel Load(string path, WordVectorTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var data = File.ReadAllBytes(path);
        string Corrupt(string why) => $"SIF model: {path} is not usable ({why}); delete it to fit again";
        if (data.Length < 4 + 4 + ChecksumBytes || BinaryPrimitives.ReadUInt32LittleEndian(data) != Magic)
        {
            throw new InvalidDataException(Corrupt("no PBSF header"));
        }
        var body = data.AsSpan(0, data.Length - ChecksumBytes);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(data.AsSpan(body.Length)))
        {
            throw new InvalidDataException(Corrupt("checksum mismatch"));
        }
        try
        {
            using var reader = new BinaryReader(new MemoryStream(data, 0, body.Length), Encoding.UTF8);
            reader.ReadUInt32();
            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException(Corrupt($"version {version}, this build reads {Version}"));
            }
            var vectors = reader.ReadString();
            if (vectors != table.Checksum)
            {
                throw new InvalidDataException(Corrupt("fitted with other word vectors"));
            }
            var a = reader.ReadDouble();
            var priorWords = reader.ReadDouble();
            var total = reader.ReadInt64();
            var dimensions = reader.ReadInt32();
            var seen = reader.ReadInt32();
            var counts = new Dictionary<int, int>(seen);
            for (var i = 0; i < seen; i++)
            {
                var row = reader.ReadInt32();
                if ((uint)row >= (uint)table.Count)
                {
                    throw new InvalidDataException(Corrupt($"row {row} outside the table"));
                }
                counts[row] = reader.ReadInt32();
            }
            var componentCount = reader.ReadInt32();
            if (componentCount < 0 || componentCount > dimensions)
            {
                throw new InvalidDataException(Corrupt($"{componentCount} common components for {dimensions} dimensions"));
            }
            var components = new float[componentCount][];
            for (var c = 0; c < componentCount; c++)
            {
                components[c] = new float[dimensions];
                for (var d = 0; d < dimensions; d++)
                {
                    components[c][d] = reader.ReadSingle();
                }
            }
            return new SifModel(vectors, dimensions, a, priorWords, total, counts, components);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException(Corrupt("truncated"), e);
        }
    }

    internal static byte[] Serialize(SifModel model)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(model.VectorsChecksum);
            writer.Write(model.A);
            writer.Write(model.PriorWords);
            writer.Write(model.TotalCount);
            writer.Write(model.Dimensions);
            writer.Write(model.Counts.Count);
            foreach (var (row, count) in model.Counts.OrderBy(pair => pair.Key))
            {
                writer.Write(row);
                writer.Write(count);
            }
            writer.Write(model.Components.Count);
            foreach (var component in model.Components)
            {
                foreach (var value in component)
                {
                    writer.Write(value);
                }
            }
        }
        return stream.ToArray();
    }
}
