using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Paperboy.Search.Indexing;

namespace Paperboy.Search.Storage;

/// <summary>
/// The stored documents of a segment opened from disk (<see cref="DocumentsFile"/>): only the offset
/// table is in memory; a document is one positioned read of its record (<see cref="RandomAccess"/>,
/// safe from any number of threads at once). The whole file was checksummed when it was opened; the
/// records themselves are not read then.
/// </summary>
internal sealed class DocumentsFileReader : StoredDocuments
{
    private readonly SafeFileHandle _handle;
    private readonly string _path;
    private readonly long[] _offsets;

    private DocumentsFileReader(SafeFileHandle handle, string path, long[] offsets)
    {
        _handle = handle;
        _path = path;
        _offsets = offsets;
    }

    public override int Count => _offsets.Length - 1;

    /// <summary>Verifies the file whole (footer, version, checksum, offsets) and keeps it open for reading records.</summary>
    public static DocumentsFileReader Open(string path, int expectedCount, CancellationToken cancellationToken)
    {
        long[] offsets;
        using (var input = IndexInput.Open(path, IndexFileFormat.DocumentsMagic, cancellationToken))
        {
            if (input.DataEnd < IndexFileFormat.HeaderLength + DocumentsFile.TrailerLength + 8)
            {
                throw input.Corrupt("truncated: no room for an offset table");
            }
            // The trailer says where the table starts; it is checked against the file before it is used.
            Span<byte> trailer = stackalloc byte[DocumentsFile.TrailerLength];
            input.PeekAt(input.DataEnd - DocumentsFile.TrailerLength, trailer);
            var count = BinaryPrimitives.ReadInt32LittleEndian(trailer);
            var tableStart = BinaryPrimitives.ReadInt64LittleEndian(trailer[4..]);
            if (count != expectedCount)
            {
                throw input.Corrupt($"{count} documents where the segment's index has {expectedCount}");
            }
            if (tableStart < IndexFileFormat.HeaderLength || tableStart + (8L * (count + 1)) + DocumentsFile.TrailerLength != input.DataEnd)
            {
                throw input.Corrupt($"its offset table would start at byte {tableStart}, which does not fit {count} documents");
            }
            var table = new byte[8 * (count + 1)];
            input.PeekAt(tableStart, table);
            offsets = new long[count + 1];
            for (var i = 0; i < offsets.Length; i++)
            {
                offsets[i] = BinaryPrimitives.ReadInt64LittleEndian(table.AsSpan(8 * i));
            }
            if (offsets[0] != IndexFileFormat.HeaderLength || offsets[^1] != tableStart)
            {
                throw input.Corrupt("its records do not run from the header to the offset table");
            }
            for (var doc = 0; doc < count; doc++)
            {
                if (offsets[doc + 1] < offsets[doc] || offsets[doc + 1] - offsets[doc] > int.MaxValue)
                {
                    throw input.Corrupt($"document {doc} has a record of {offsets[doc + 1] - offsets[doc]} bytes");
                }
            }
        }
        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        return new DocumentsFileReader(handle, path, offsets);
    }

    public override SearchDocument Get(int doc)
    {
        var length = (int)(_offsets[doc + 1] - _offsets[doc]);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var record = buffer.AsSpan(0, length);
            Read(doc, record);
            return DocumentRecord.Read(record, _path, doc);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override void CopyRecord(int doc, ByteBuffer output) => Read(doc, output.Append((int)(_offsets[doc + 1] - _offsets[doc])));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle.Dispose();
        }
    }

    private void Read(int doc, Span<byte> record)
    {
        var offset = _offsets[doc];
        while (!record.IsEmpty)
        {
            var read = RandomAccess.Read(_handle, record, offset);
            if (read == 0)
            {
                throw new CorruptIndexException(_path, $"truncated since it was opened: document {doc} ends past the end of the file");
            }
            record = record[read..];
            offset += read;
        }
    }
}
