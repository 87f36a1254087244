using System.IO.Compression;
using Paperboy.Application.Demo;
using Paperboy.Application.Importing;
using Paperboy.Ingest;

namespace Paperboy.Application.Tests;

public sealed class ImportServiceTests
{
    private static string KaggleSample => Path.Combine(AppContext.BaseDirectory, "fixtures", "kaggle-snapshot", "wanng-ide_arxiv-metadata-oai-snapshot_head.jsonl");

    [Fact]
    public async Task A_directory_imports_its_files_in_name_order_with_a_report_per_file()
    {
        await using var app = new AppServices();

        var report = await app.Get<ImportService>().ImportAsync([DemoCorpus.SeedDirectory], null, CancellationToken.None);

        Assert.Equal(4, report.Files.Count);
        Assert.Equal(report.Files.Select(f => f.File).Order(StringComparer.Ordinal), report.Files.Select(f => f.File));
        Assert.All(report.Files, f => Assert.Equal(ImportFormat.SavedPage, f.Format));
        Assert.Equal(403, report.Added);
        Assert.Equal(403, report.PapersInStore);
        Assert.Equal(0, report.Rejected);
    }

    [Fact]
    public async Task A_gzip_snapshot_imports_the_same_papers_as_the_plain_file()
    {
        await using var app = new AppServices();
        string gz = app.Scratch("snapshot.jsonl.gz");
        await using (var output = new GZipStream(File.Create(gz), CompressionLevel.Fastest))
        {
            await using var input = File.OpenRead(KaggleSample);
            await input.CopyToAsync(output);
        }
        var importer = app.Get<ImportService>();

        var fromGzip = await importer.ImportAsync([gz], null, CancellationToken.None);
        var fromPlain = await importer.ImportAsync([KaggleSample], null, CancellationToken.None);

        Assert.Equal(ImportFormat.KaggleSnapshot, fromGzip.Files[0].Format);
        Assert.Equal(200, fromGzip.Added);
        Assert.Equal(200, fromPlain.Unchanged);
        Assert.Equal(200, fromPlain.PapersInStore);
    }

    [Fact]
    public async Task Progress_is_reported_in_bytes_of_the_file_up_to_its_length()
    {
        await using var app = new AppServices();
        var reports = new List<ImportProgress>();

        await app.Get<ImportService>().ImportAsync([KaggleSample], new SynchronousProgress(reports.Add), CancellationToken.None);

        var last = reports[^1];
        Assert.Equal(new FileInfo(KaggleSample).Length, last.BytesTotal);
        Assert.Equal(last.BytesTotal, last.BytesRead);
        Assert.Equal(200, last.Records);
    }

    [Fact]
    public async Task A_missing_file_is_rejected_and_the_other_files_still_import()
    {
        await using var app = new AppServices();
        string missing = app.Scratch("missing.jsonl");

        var report = await app.Get<ImportService>().ImportAsync([missing, KaggleSample], null, CancellationToken.None);

        Assert.Equal(1, report.Rejected);
        Assert.Equal("no such file or directory", report.Errors.Single().Message);
        Assert.Equal(200, report.Added);
    }

    [Fact]
    public async Task A_truncated_gzip_keeps_every_paper_read_before_the_cut()
    {
        await using var app = new AppServices();
        string gz = app.Scratch("cut.jsonl.gz");
        using (var buffer = new MemoryStream())
        {
            await using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                await zip.WriteAsync(await File.ReadAllBytesAsync(KaggleSample));
            }
            await File.WriteAllBytesAsync(gz, buffer.ToArray()[..(int)(buffer.Length * 2 / 3)]);
        }

        var report = await app.Get<ImportService>().ImportAsync([gz], null, CancellationToken.None);

        Assert.InRange(report.Added, 1, 199);
        Assert.Equal(report.Added, report.PapersInStore);
        Assert.Contains(report.Errors, e => e.Message.Contains("the file is truncated or damaged", StringComparison.Ordinal));
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
