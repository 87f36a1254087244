using System.Text;
using Paperboy.Ingest.Kaggle;

namespace Paperboy.Ingest.Tests;

public sealed class BoundedLineReaderTests
{
    [Fact]
    public async Task Lines_come_back_as_ReadLine_gives_them_across_buffer_boundaries()
    {
        var random = new Random(7);
        var text = new StringBuilder();
        for (int i = 0; i < 500; i++)
        {
            text.Append(new string((char)('a' + (i % 26)), random.Next(0, 300))).Append(i % 3 == 0 ? "\r\n" : "\n");
        }
        text.Append("last line without newline");
        var expected = new List<string>();
        using (var plain = new StringReader(text.ToString()))
        {
            while (plain.ReadLine() is { } line)
            {
                expected.Add(line);
            }
        }

        var actual = await ReadAllAsync(text.ToString(), maxLineLength: 1000);

        Assert.Equal(expected, actual.Select(l => l.Text));
    }

    [Fact]
    public async Task A_line_over_the_limit_is_reported_and_the_next_line_reads_normally()
    {
        string text = "short\n" + new string('x', 200_000) + "\nafter\n";

        var lines = await ReadAllAsync(text, maxLineLength: 1000);

        Assert.Equal(3, lines.Count);
        Assert.Equal("short", lines[0].Text);
        Assert.True(lines[1].TooLong);
        Assert.Equal("after", lines[2].Text);
    }

    [Fact]
    public async Task A_kaggle_file_with_a_huge_line_rejects_that_line_and_imports_the_rest()
    {
        var sample = File.ReadAllLines(TestFiles.Kaggle());
        var lines = new List<string>(sample[..3]) { "{\"id\": \"" + new string('9', 50_000) + "\"}" };
        lines.AddRange(sample[3..6]);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));

        var records = new List<ImportRecord>();
        await foreach (var record in new KaggleSnapshotReader(maxLineLength: 10_000).ReadAsync(input, "big.jsonl", CancellationToken.None))
        {
            records.Add(record);
        }

        Assert.Equal(6, records.Count(r => r.Paper is not null));
        var error = Assert.Single(records, r => r.Error is not null).Error!;
        Assert.Equal(4, error.Line);
        Assert.Contains("longer than 10,000 bytes", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<BoundedLine>> ReadAllAsync(string text, int maxLineLength)
    {
        var reader = new BoundedLineReader(new StringReader(text), maxLineLength);
        var lines = new List<BoundedLine>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }
}
