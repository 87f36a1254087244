using System.Globalization;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Paperboy.Ingest;

/// <summary>
/// Decompresses gzip and, at the end, checks the byte count against ISIZE, the size recorded in the
/// file's last four bytes (RFC 1952 section 2.3.1). .NET's GZipStream ends quietly when the file is
/// cut short, so without this a truncated download would look like a complete, smaller file.
/// (A file of several concatenated gzip members records only the last member's size; such files
/// are rare for exports and get the same warning.)
/// </summary>
internal sealed class GzipEndCheckStream : Stream
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly uint _recordedSize;
    private long _decompressed;
    private bool _checked;

    public GzipEndCheckStream(FileStream file)
    {
        _file = file;
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        _recordedSize = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        file.Position = 0;
        _gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: false);
    }

    /// <summary>The compressed file underneath, whose position measures progress.</summary>
    public FileStream File => _file;

    public override int Read(byte[] buffer, int offset, int count) => Check(_gzip.Read(buffer, offset, count), count);

    public override int Read(Span<byte> buffer) => Check(_gzip.Read(buffer), buffer.Length);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Check(await _gzip.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Length);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Check(int read, int requested)
    {
        _decompressed += read;
        if (read == 0 && requested > 0 && !_checked)
        {
            _checked = true;
            if ((uint)_decompressed != _recordedSize)
            {
                throw new InvalidDataException(
                    string.Create(CultureInfo.InvariantCulture, $"gzip: {_decompressed:N0} bytes decompressed but the file records {_recordedSize:N0}: the file is truncated or damaged"));
            }
        }
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _decompressed; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
        }
        base.Dispose(disposing);
    }
}
