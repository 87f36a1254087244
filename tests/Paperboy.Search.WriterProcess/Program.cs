using Paperboy.Search;
using Paperboy.Search.WriterProcess;

// Usage: Paperboy.Search.WriterProcess <index directory> <last batch>
// Commits batches after the index's last one until <last batch>, printing "committed N" after each.
var directory = args[0];
var lastBatch = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var options = new IndexWriterOptions { MergeFactor = 3, SmallestLevelDocs = 50 };
using var writer = SearchIndexWriter.Open(directory, options: options);
var batch = writer.CommitData.TryGetValue("batch", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
while (batch < lastBatch)
{
    batch++;
    WriterScript.Apply(writer, batch);
    writer.Commit(new Dictionary<string, string> { ["batch"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    Console.WriteLine($"committed {batch}");
    if (writer.MergeError is { } error)
    {
        Console.Error.WriteLine($"merge failed: {error}");
        return 1;
    }
}
writer.WaitForMerges();
return writer.MergeError is null ? 0 : 1;
