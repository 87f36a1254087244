using System.IO.Compression;
using System.Text;

namespace Paperboy.Ingest.Tests;

/// <summary>Repo payloads copied next to the tests, and a per-test scratch folder for corrupted and gzip copies.</summary>
internal sealed class TestFiles : IDisposable
{
    public const string KaggleSample = "wanng-ide_arxiv-metadata-oai-snapshot_head.jsonl";

    public static readonly string[] Seeds =
    [
        "000_892b15f28ca5c8ed.txt", "002_72daaec25fc5a6c3.txt", "003_3904dbe7b03b7fcd.txt", "004_1af3005760444885.txt",
    ];

    public TestFiles()
    {
        Directory.CreateDirectory(Scratch);
    }

    public string Scratch { get; } = Path.Combine(Path.GetTempPath(), "paperboy-ingest-tests", Guid.NewGuid().ToString("N"));

    public static string Seed(string name) => Path.Combine(AppContext.BaseDirectory, "seeds", name);

    public static string Kaggle() => Path.Combine(AppContext.BaseDirectory, "fixtures", "kaggle-snapshot", KaggleSample);

    /// <summary>A real payload copied from the shared fixtures: <c>fixtures/{folder}/{name}</c>.</summary>
    public static string Fixture(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", folder, name);
    public const string HfDailySample = "deep-diver_daily_papers_2024-10-25_TRIMMED_first8.json";
    public const string RdfSample = "nim-rss_arxiv_cs_rdf_rss1.0_2018-08-30.rdf";
    public const string Rss2Sample = "handmade_rss2_2024_format_sample.xml";

    public static string HfDaily() => Path.Combine(AppContext.BaseDirectory, "fixtures", "hf-daily-papers", HfDailySample);

    public static string ArxivRss(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", "arxiv-rss", name);

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    public static List<string> Lines(string path) => File.ReadAllText(path).Split('\n').ToList();

    /// <summary>Writes lines joined by "\n" into the scratch folder.</summary>
    public string Write(string name, IEnumerable<string> lines) => WriteText(name, string.Join('\n', lines));

    public string WriteText(string name, string text)
    {
        var path = Path.Combine(Scratch, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public string Gzip(string source, string name)
    {
        var path = Path.Combine(Scratch, name);
        using var input = File.OpenRead(source);
        using var output = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        input.CopyTo(output);
        return path;
    }

    public static async Task<List<ImportRecord>> ReadAllAsync(IRecordReader reader, string path)
    {
        await using var stream = ImportFile.OpenRead(path);
        var records = new List<ImportRecord>();
        await foreach (var record in reader.ReadAsync(stream, Path.GetFileName(path), CancellationToken.None))
        {
            records.Add(record);
        }

        return records;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail a test run.
        }
    }
}
