using System.Text;
using Paperboy.Ingest.Kaggle;

namespace Paperboy.Ingest.Tests;

public sealed class BoundedUtf8LineReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task Lines_come_back_as_the_text_reader_gives_them_whatever_the_stream_hands_out_at_a_time(int chunk)
    {
        var random = new Random(7);
        var text = new StringBuilder();
        for (int i = 0; i < 500; i++)
        {
            // Multi-byte characters, so lines of one length in characters differ in bytes.
            var letter = i % 4 == 0 ? "é" : i % 4 == 1 ? "数" : ((char)('a' + (i % 26))).ToString();
            text.Append(string.Concat(Enumerable.Repeat(letter, random.Next(0, 300)))).Append(i % 3 == 0 ? "\r\n" : "\n");
            if (i % 50 == 0)
            {
                text.Append('\n');
            }
        }
        text.Append("last line without newline");
        var expected = new List<string>();
        var plain = new BoundedLineReader(new StringReader(text.ToString()), 100_000);
        while (await plain.ReadLineAsync(CancellationToken.None) is { } line)
        {
            expected.Add(line.Text!);
        }

        var actual = await ReadAllAsync(Encoding.UTF8.GetBytes(text.ToString()), 100_000, chunk);

        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected, actual.Select(l => Encoding.UTF8.GetString(l!)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100_000)]
    public async Task A_line_over_the_limit_in_bytes_is_reported_and_the_lines_around_it_read_normally(int chunk)
    {
        // Exactly at the limit in bytes (1,000 two-byte characters), one byte over, far over, and a last line over it.
        var atLimit = new string('é', 1000);
        var text = "short\n" + atLimit + "\n" + atLimit + "x\n" + new string('x', 200_000) + "\r\nafter\n" + new string('y', 3000);

        var lines = await ReadAllAsync(Encoding.UTF8.GetBytes(text), 2000, chunk);

        Assert.Equal(6, lines.Count);
        Assert.Equal("short", Encoding.UTF8.GetString(lines[0]!));
        Assert.Equal(atLimit, Encoding.UTF8.GetString(lines[1]!));
        Assert.Null(lines[2]);
        Assert.Null(lines[3]);
        Assert.Equal("after", Encoding.UTF8.GetString(lines[4]!));
        Assert.Null(lines[5]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(100)]
    public async Task A_byte_order_mark_at_the_start_is_skipped_and_one_later_is_kept(int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFF{\"id\":1}\n\uFEFFsecond");

        var lines = await ReadAllAsync(bytes, 100, chunk);

        Assert.Equal(["{\"id\":1}", "\uFEFFsecond"], lines.Select(l => Encoding.UTF8.GetString(l!)));
        Assert.Empty(await ReadAllAsync([], 100, chunk));
        Assert.Equal(["a"], (await ReadAllAsync("a"u8.ToArray(), 100, chunk)).Select(l => Encoding.UTF8.GetString(l!)));
    }

    [Fact]
    public async Task A_kaggle_line_with_invalid_utf8_is_read_with_replacement_characters_as_the_text_reader_read_it()
    {
        var sample = File.ReadAllLines(TestFiles.Kaggle());
        var good = Encoding.UTF8.GetBytes(sample[0]);
        // An invalid byte inside the title's value; the line is still one JSON object.
        var title = "\"title\":\"";
        int at = Encoding.UTF8.GetString(good).IndexOf(title, StringComparison.Ordinal) + title.Length;
        var bad = good[..at].Concat(new byte[] { 0xC3, 0x28 }).Concat(good[at..]).ToArray();
        using var input = new MemoryStream([.. bad, (byte)'\n', .. Encoding.UTF8.GetBytes(sample[1]), (byte)'\n', .. "  \u00A0 \n"u8]);

        var records = new List<ImportRecord>();
        await foreach (var record in new KaggleSnapshotReader().ReadAsync(input, "bad.jsonl", CancellationToken.None))
        {
            records.Add(record);
        }

        Assert.Equal(2, records.Count);
        Assert.StartsWith("\uFFFD(", records[0].Paper!.TitleRaw, StringComparison.Ordinal);
        Assert.NotNull(records[1].Paper);
    }

    // Each line's bytes, or null for a line reported as too long.
    private static async Task<List<byte[]?>> ReadAllAsync(byte[] bytes, int maxLineLength, int chunk)
    {
        var reader = new BoundedUtf8LineReader(new ChunkedStream(bytes, chunk), maxLineLength);
        var lines = new List<byte[]?>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line.TooLong ? null : line.Bytes.ToArray());
        }
        return lines;
    }

    /// <summary>A stream that hands out at most a few bytes a read, as a network or gzip stream may.</summary>
    private sealed class ChunkedStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
