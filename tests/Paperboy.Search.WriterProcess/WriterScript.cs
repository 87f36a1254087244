namespace Paperboy.Search.WriterProcess;

/// <summary>
/// The deterministic history the writer process commits, batch after batch, so a test can tell
/// from the batch number alone which documents the index must hold. Batch b adds keys b-0..b-39,
/// replaces b-1's keys 10..19 with revised versions, and deletes b-2's keys 0..4.
/// </summary>
public static class WriterScript
{
    public const int BatchSize = 40;

    public static string Key(int batch, int item) => $"k{batch}x{item}";

    public static IEnumerable<(string Key, bool Revised)> LiveAfter(int batch)
    {
        for (var b = 1; b <= batch; b++)
        {
            for (var j = 0; j < BatchSize; j++)
            {
                if (b <= batch - 2 && j < 5)
                {
                    continue;
                }
                yield return (Key(b, j), b <= batch - 1 && j is >= 10 and < 20);
            }
        }
    }

    public static void Apply(SearchIndexWriter writer, int batch)
    {
        for (var j = 0; j < BatchSize; j++)
        {
            writer.Add(Document(batch, j, revised: false));
        }
        if (batch >= 2)
        {
            for (var j = 10; j < 20; j++)
            {
                writer.Add(Document(batch - 1, j, revised: true));
            }
        }
        if (batch >= 3)
        {
            for (var j = 0; j < 5; j++)
            {
                writer.Delete(Key(batch - 2, j));
            }
        }
    }

    private static SearchDocument Document(int batch, int item, bool revised) => new(
        Key(batch, item),
        $"Common title of batch{batch} item{item}",
        revised ? "A revised abstract about sparse retrieval" : "An abstract about dense retrieval and graphs",
        [$"Author {item % 7}"],
        ["cs.IR"],
        2000 + (batch % 25));
}
