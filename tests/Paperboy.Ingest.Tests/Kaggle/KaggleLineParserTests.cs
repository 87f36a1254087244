using System.Text;
using System.Text.Json;
using Paperboy.Ingest.Kaggle;

namespace Paperboy.Ingest.Tests.Kaggle;

/// <summary>The snapshot's line parser against the serializer it replaced: same records, same failures.</summary>
public sealed class KaggleLineParserTests
{
    [Fact]
    public void Every_sample_line_reads_as_the_serializer_reads_it()
    {
        var lines = File.ReadAllLines(TestFiles.Kaggle());

        Assert.Equal(200, lines.Length);
        foreach (var line in lines)
        {
            AssertSameOutcome(line);
        }
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("  { \"id\" : \"0704.0001\" }  ")]
    [InlineData("{\"id\":null,\"title\":null,\"versions\":null,\"authors_parsed\":null}")]
    [InlineData("{\"id\":\"0704.0001\",\"id\":\"0704.0002\"}")]
    [InlineData("{\"\\u0069d\":\"0704.0001\",\"ti\\u0074le\":\"Esc\\u00e9ped \\\"quotes\\\" \\\\ \\n\"}")]
    [InlineData("{\"id\":\"0704.0001\",\"title\":\"a\\ud83d\\ude00b\"}")]
    [InlineData("{\"id\":\"0704.0001\",\"extra\":{\"deep\":[1,2,{\"x\":[true,false,null]}]},\"more\":3.5e10}")]
    [InlineData("{\"versions\":[null,{\"version\":\"v1\",\"created\":null,\"other\":[1]},{}]}")]
    [InlineData("{\"authors_parsed\":[null,[],[\"Last\",null,\"\",\"Affiliation\",\"fifth\"]]}")]
    [InlineData("{\"submitter\":null,\"license\":\"http://x\",\"report-no\":\"R-1\"}")]
    [InlineData("{\"ID\":\"0704.0001\",\"Title\":\"case matters\"}")]
    [InlineData("[1, 2]")]
    [InlineData("\"a string\"")]
    [InlineData("42")]
    [InlineData("{\"id\": 704.0001}")]
    [InlineData("{\"id\": true}")]
    [InlineData("{\"title\": {}}")]
    [InlineData("{\"versions\": \"v1\"}")]
    [InlineData("{\"versions\": [\"v1\"]}")]
    [InlineData("{\"versions\": [{\"version\": 1}]}")]
    [InlineData("{\"authors_parsed\": [\"Last, First\"]}")]
    [InlineData("{\"authors_parsed\": [[1]]}")]
    [InlineData("{\"license\": 5}")]
    [InlineData("{\"submitter\": []}")]
    [InlineData("{\"id\":\"0704.0001\"} x")]
    [InlineData("{\"id\":\"0704.0001\"} {}")]
    [InlineData("{\"id\":\"0704.0001\",}")]
    [InlineData("{\"id\":\"0704.0001\" /* note */}")]
    [InlineData("{'id':'0704.0001'}")]
    [InlineData("{\"id\":\"0704.0001\"")]
    [InlineData("{\"title\":\"a\\ud800b\"}")]
    [InlineData("{\"title\":\"a\\udc00\"}")]
    [InlineData("{\"title\":\"bad \\q escape\"}")]
    [InlineData("{\"title\":\"raw\ttab\"}")]
    public void Edge_cases_read_or_fail_as_the_serializer_does(string line) => AssertSameOutcome(line);

    [Fact]
    public void Nesting_past_the_serializers_depth_fails_in_both()
    {
        var deep = "{\"x\":" + new string('[', 70) + new string(']', 70) + "}";
        var shallow = "{\"x\":" + new string('[', 40) + new string(']', 40) + "}";

        AssertSameOutcome(deep);
        AssertSameOutcome(shallow);
        Assert.ThrowsAny<JsonException>(() => KaggleLineParser.Parse(Encoding.UTF8.GetBytes(deep)));
    }

    [Fact]
    public void Thousands_of_damaged_lines_read_or_fail_as_the_serializer_does()
    {
        var lines = File.ReadAllLines(TestFiles.Kaggle());
        var random = new Random(4);
        const string noise = "{}[]\",:\\ 0123456789.-eEtrufalsn\u00e9x";
        var failures = 0;
        for (var i = 0; i < 5000; i++)
        {
            var chars = lines[random.Next(lines.Length)].ToCharArray().ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, noise[random.Next(noise.Length)]); break;
                    default: chars[at] = noise[random.Next(noise.Length)]; break;
                }
            }
            failures += AssertSameOutcome(new string([.. chars])) ? 0 : 1;
        }

        // Both outcomes are exercised: most damage breaks the JSON, some lands inside a string.
        Assert.InRange(failures, 500, 4900);
    }

    /// <returns>Whether the line was read (true) or failed in both (false).</returns>
    private static bool AssertSameOutcome(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var expected = Outcome(() => JsonSerializer.Deserialize(bytes, KaggleJson.Default.KaggleRecord));
        var actual = Outcome(() => KaggleLineParser.Parse(bytes));
        Assert.True(expected == actual, $"line: {line}\nserializer: {expected}\nparser:     {actual}");
        return !expected.StartsWith("error", StringComparison.Ordinal);
    }

    // The record as the serializer writes it back (every field the parser keeps), or "error".
    private static string Outcome(Func<KaggleRecord?> read)
    {
        KaggleRecord? record;
        try
        {
            record = read();
        }
        catch (JsonException)
        {
            return "error";
        }
        if (record is null)
        {
            return "null";
        }
        // Fields no paper uses are not kept by the parser: compare the rest.
        record.Submitter = null;
        record.License = null;
        record.ReportNo = null;
        return JsonSerializer.Serialize(record, KaggleJson.Default.KaggleRecord);
    }
}
