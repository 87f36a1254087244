using Paperboy.Semantic.Vectors;
using Paperboy.Semantic.WriterProcess;

// Usage: Paperboy.Semantic.WriterProcess <index directory> <last batch>
// Commits batches after the index's last one until <last batch>, printing "committed N" after each.
var directory = args[0];
var lastBatch = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
using var writer = VectorIndexWriter.Open(directory, VectorWriterScript.Model, VectorWriterScript.Options);
var batch = writer.CommitData.TryGetValue("batch", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
while (batch < lastBatch)
{
    batch++;
    VectorWriterScript.Apply(writer, batch);
    writer.Commit(new Dictionary<string, string> { ["batch"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    Console.WriteLine($"committed {batch}");
}
