using System.Text;
using Paperboy.Search.Storage;

namespace Paperboy.Search.Indexing;

/// <summary>
/// One stored document as bytes: key, title, abstract, authors, categories, year, date and upvotes,
/// exactly as given (null stays null, categories are not normalised). Strings are UTF-8 after a
/// varint of their byte length plus one (0 is null), lists a varint of their count plus one, then a
/// flags byte (1: has a year, 2: has a date), the year zigzag-encoded, the date's day number and the
/// upvotes zigzag-encoded, as varints. Reading checks every length, so a damaged record is reported as
/// such rather than read past its end.
/// </summary>
internal static class DocumentRecord
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Write(SearchDocument document, ByteBuffer output)
    {
        WriteString(document.Key, output);
        WriteString(document.Title, output);
        WriteString(document.Abstract, output);
        WriteList(document.Authors, output);
        WriteList(document.Categories, output);
        output.WriteByte((byte)((document.Year is null ? 0 : 1) | (document.Date is null ? 0 : 2)));
        if (document.Year is { } year)
        {
            output.WriteVarInt(ZigZag(year));
        }
        if (document.Date is { } date)
        {
            output.WriteVarInt((uint)date.DayNumber);
        }
        output.WriteVarInt(ZigZag(document.Upvotes));
    }

    /// <summary>Decodes a record; <paramref name="file"/> and <paramref name="doc"/> name it in the error if it is damaged.</summary>
    public static SearchDocument Read(ReadOnlySpan<byte> record, string file, int doc)
    {
        var reader = new Reader(record, file, doc);
        var key = reader.String();
        var title = reader.String();
        var abs = reader.String();
        var authors = reader.List();
        var categories = reader.List();
        var flags = reader.Byte();
        int? year = (flags & 1) != 0 ? UnZigZag(reader.VarInt()) : null;
        DateOnly? date = null;
        if ((flags & 2) != 0)
        {
            var day = reader.VarInt();
            date = day <= (uint)DateOnly.MaxValue.DayNumber ? DateOnly.FromDayNumber((int)day) : throw reader.Damaged("a date out of range");
        }
        var upvotes = UnZigZag(reader.VarInt());
        if (!reader.AtEnd || (flags & ~3) != 0)
        {
            throw reader.Damaged("bytes after its end");
        }
        return new SearchDocument(key!, title!, abs!, authors!, categories!, year, date, upvotes);
    }

    private static void WriteString(string? value, ByteBuffer output)
    {
        if (value is null)
        {
            output.WriteVarInt(0);
            return;
        }
        var length = Encoding.UTF8.GetByteCount(value);
        output.WriteVarInt((uint)length + 1);
        Encoding.UTF8.GetBytes(value, output.Append(length));
    }

    private static void WriteList(IReadOnlyList<string>? values, ByteBuffer output)
    {
        if (values is null)
        {
            output.WriteVarInt(0);
            return;
        }
        output.WriteVarInt((uint)values.Count + 1);
        foreach (var value in values)
        {
            WriteString(value, output);
        }
    }

    private static uint ZigZag(int value) => (uint)((value << 1) ^ (value >> 31));

    private static int UnZigZag(uint value) => (int)(value >> 1) ^ -(int)(value & 1);

    private ref struct Reader
    {
        private readonly ReadOnlySpan<byte> _data;
        private readonly string _file;
        private readonly int _doc;
        private int _offset;

        public Reader(ReadOnlySpan<byte> data, string file, int doc)
        {
            _data = data;
            _file = file;
            _doc = doc;
        }

        public readonly bool AtEnd => _offset == _data.Length;

        public byte Byte() => _offset < _data.Length ? _data[_offset++] : throw Damaged("a record that ends early");

        public uint VarInt()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }
            throw Damaged("a number longer than five bytes");
        }

        public string? String()
        {
            var length = VarInt();
            if (length == 0)
            {
                return null;
            }
            if (length - 1 > (uint)(_data.Length - _offset))
            {
                throw Damaged("a string running past the record's end");
            }
            var bytes = _data.Slice(_offset, (int)(length - 1));
            _offset += bytes.Length;
            try
            {
                return Strict.GetString(bytes);
            }
            catch (DecoderFallbackException e)
            {
                throw Damaged("text that is not UTF-8", e);
            }
        }

        public string[]? List()
        {
            var count = VarInt();
            if (count == 0)
            {
                return null;
            }
            // Every item takes at least one byte, which bounds the allocation by the record.
            if (count - 1 > (uint)(_data.Length - _offset))
            {
                throw Damaged("a list longer than the record");
            }
            var items = new string[count - 1];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = String()!;
            }
            return items;
        }

        public readonly CorruptIndexException Damaged(string problem, Exception? inner = null) =>
            new(_file, $"document {_doc} has {problem}", inner);
    }
}
