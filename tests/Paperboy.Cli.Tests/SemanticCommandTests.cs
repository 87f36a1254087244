using System.Text.Json;
using Paperboy.Testing;

namespace Paperboy.Cli.Tests;

/// <summary>
/// `paperboy embed`, `similar`, `search --mode` and `eval --mode` as processes, with word vectors
/// from a GloVe file the test writes (Paperboy__Semantic__WordVectorsPath), so nothing is downloaded.
/// </summary>
public sealed class SemanticCommandTests : IAsyncLifetime
{
    private readonly PaperboyProcess _paperboy = new();
    private string _vectors = "";

    public async Task InitializeAsync()
    {
        _vectors = TopicWordVectors.Write(Path.Combine(_paperboy.DataDirectory, "..", $"paperboy-topics-{Guid.NewGuid():N}.txt"));
        _paperboy.Environment["Paperboy__Semantic__WordVectorsPath"] = _vectors;
        string snapshot = Path.Combine(Path.GetTempPath(), $"paperboy-topics-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(snapshot, TopicWordVectors.Papers.Select(p => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = p.Id,
            ["authors"] = "A. Author",
            ["title"] = p.Title,
            ["abstract"] = p.Abstract,
            ["categories"] = p.Category,
            ["versions"] = new[] { new Dictionary<string, string> { ["version"] = "v1", ["created"] = "Wed, 10 Jan 2024 10:00:00 GMT" } },
            ["update_date"] = "2024-01-10",
        })));
        var import = await _paperboy.RunAsync("import", snapshot, "--json");
        File.Delete(snapshot);
        Assert.Equal(0, import.ExitCode);
    }

    public Task DisposeAsync()
    {
        File.Delete(_vectors);
        _paperboy.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Embed_reports_what_it_did_and_a_second_run_has_nothing_to_do()
    {
        var first = await _paperboy.RunAsync("embed", "--json");
        var second = await _paperboy.RunAsync("embed", "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(12, first.Json().GetProperty("embedded").GetInt32());
        Assert.Equal(12, first.Json().GetProperty("total").GetInt32());
        Assert.Equal(TopicWordVectors.Dimensions, first.Json().GetProperty("dimensions").GetInt32());
        Assert.StartsWith("sif:", first.Json().GetProperty("model").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, second.Json().GetProperty("embedded").GetInt32());
        Assert.Equal(first.Json().GetProperty("model").GetString(), second.Json().GetProperty("model").GetString());
    }

    [Fact]
    public async Task Search_and_similar_use_the_vectors_once_embedded()
    {
        var before = await _paperboy.RunAsync("search", "--mode", "semantic", "--json", "--", TopicWordVectors.SensorQuery);
        await _paperboy.RunAsync("embed", "--json");
        var semantic = await _paperboy.RunAsync("search", "--mode", "semantic", "--limit", "3", "--json", "--", TopicWordVectors.SensorQuery);
        var similar = await _paperboy.RunAsync("similar", "2401.10007", "--limit", "2", "--json");
        var unknownMode = await _paperboy.RunAsync("search", "--mode", "telepathy", "x");

        Assert.Equal("keyword", before.Json().GetProperty("mode").GetString());
        Assert.Contains("paperboy embed", before.Json().GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal("semantic", semantic.Json().GetProperty("mode").GetString());
        Assert.Equal(["2401.10001", "2401.10002", "2401.10003"], Ids(semantic.Json().GetProperty("hits")).Order(StringComparer.Ordinal));
        Assert.Equal(["2401.10008", "2401.10009"], Ids(similar.Json().GetProperty("papers")).Order(StringComparer.Ordinal));
        Assert.Equal(2, unknownMode.ExitCode);
    }

    [Fact]
    public async Task Eval_reports_each_mode_and_refuses_semantic_before_embedding()
    {
        string queries = Path.Combine(Path.GetTempPath(), $"paperboy-topic-queries-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(queries,
        [
            """{"id": "T-1", "query": "tell which detector is lying", "relevant": ["Faulty sensor readings", "Calibration of sensors", "Anomalies in thermometer measurements"], "style": "jargon-free"}""",
            """{"id": "T-2", "query": "protein folding", "relevant": ["Protein folding"], "style": "keywords"}""",
        ]);
        try
        {
            var refused = await _paperboy.RunAsync("eval", "--queries", queries, "--mode", "semantic", "--json");
            await _paperboy.RunAsync("embed", "--json");
            var keyword = await _paperboy.RunAsync("eval", "--queries", queries, "--json");
            var hybrid = await _paperboy.RunAsync("eval", "--queries", queries, "--mode", "hybrid", "--json");

            Assert.Equal(3, refused.ExitCode);
            Assert.Contains("paperboy embed", refused.Stderr, StringComparison.Ordinal);
            Assert.Equal("keyword", keyword.Json().GetProperty("mode").GetString());
            Assert.Equal(0.5, keyword.Json().GetProperty("mrr@10").GetDouble(), 4);
            Assert.Equal("hybrid", hybrid.Json().GetProperty("mode").GetString());
            Assert.Equal(1.0, hybrid.Json().GetProperty("mrr@10").GetDouble(), 4);
            Assert.Equal(1.0, hybrid.Json().GetProperty("by_style").GetProperty("jargon-free").GetProperty("recall@10").GetDouble(), 4);
        }
        finally
        {
            File.Delete(queries);
        }
    }

    private static IEnumerable<string> Ids(JsonElement hits) => hits.EnumerateArray().Select(h => h.GetProperty("id").GetString()!);
}
