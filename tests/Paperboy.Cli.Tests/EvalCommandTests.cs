using System.Text.Json;

namespace Paperboy.Cli.Tests;

public sealed class EvalCommandTests : IDisposable
{
    private readonly PaperboyProcess _paperboy = new();

    public void Dispose() => _paperboy.Dispose();

    [Fact]
    public async Task Eval_of_a_query_set_reports_overall_and_per_style_measures()
    {
        Assert.Equal(0, (await _paperboy.RunAsync("import", PaperboyProcess.SeedDirectory)).ExitCode);
        Directory.CreateDirectory(_paperboy.DataDirectory);
        string queries = Path.Combine(_paperboy.DataDirectory, "queries.jsonl");
        await File.WriteAllLinesAsync(queries,
        [
            Query("Q1", "bottom-up program synthesis learning-guided exploration", "BUSTLE: Bottom-Up Program Synthesis Through Learning-Guided Exploration", "keywords"),
            Query("Q2", "zzzz qqqq xxxx", "Rich Feature Construction for the Optimization-Generalization Dilemma", "paraphrase"),
        ]);

        var run = await _paperboy.RunAsync("eval", "--queries", queries, "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(2, json.GetProperty("queries").GetInt32());
        Assert.Equal(0.5, json.GetProperty("mrr@10").GetDouble(), 4);
        Assert.Equal(0.5, json.GetProperty("recall@10").GetDouble(), 4);
        Assert.Equal(1.0, json.GetProperty("by_style").GetProperty("keywords").GetProperty("mrr@10").GetDouble(), 4);
        Assert.Equal(0.0, json.GetProperty("by_style").GetProperty("paraphrase").GetProperty("ndcg@10").GetDouble(), 4);
    }

    [Fact]
    public async Task Eval_of_a_collection_indexes_it_apart_and_reports_trec_measures()
    {
        string collection = Path.Combine(_paperboy.DataDirectory, "collection");
        Directory.CreateDirectory(collection);
        await File.WriteAllLinesAsync(Path.Combine(collection, "docs.jsonl"),
        [
            Doc("1", "boundary layer transition on swept wings", "we measure boundary layer transition on swept wings in a wind tunnel"),
            Doc("2", "heat transfer in hypersonic flow", "heat transfer to a blunt body in hypersonic flow is computed"),
            Doc("3", "propeller slipstream effects", "the slipstream of a propeller changes the lift of a wing"),
        ]);
        await File.WriteAllLinesAsync(Path.Combine(collection, "queries.tsv"), ["1\tswept wing boundary layer transition", "2\thypersonic heat transfer"]);
        await File.WriteAllLinesAsync(Path.Combine(collection, "qrels.txt"), ["1 0 1 2", "2 0 2 1", "2 0 3 0"]);

        var run = await _paperboy.RunAsync("eval", "--collection", collection, "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(2, json.GetProperty("queries").GetInt32());
        Assert.Equal(1.0, json.GetProperty("ndcg@10").GetDouble(), 4);
        Assert.Equal(1.0, json.GetProperty("map").GetDouble(), 4);
        Assert.Equal(1.0, json.GetProperty("mrr@10").GetDouble(), 4);
        Assert.Equal(1.0, json.GetProperty("recall@100").GetDouble(), 4);
        Assert.Equal(0, (await _paperboy.RunAsync("stats", "--json")).Json().GetProperty("papers").GetInt64());
    }

    private static string Query(string id, string query, string relevant, string style) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = id, ["query"] = query, ["relevant"] = new[] { relevant }, ["style"] = style });

    private static string Doc(string id, string title, string text) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = id, ["title"] = title, ["authors"] = "someone", ["text"] = $"{title} . {text}" });
}
