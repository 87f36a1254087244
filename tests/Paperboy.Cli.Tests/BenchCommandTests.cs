using System.Text.Json;

namespace Paperboy.Cli.Tests;

/// <summary>bench over a data directory holding the demo corpus, and its usage errors.</summary>
public sealed class BenchCommandTests : IClassFixture<DemoDataDirectory>
{
    private readonly DemoDataDirectory _demo;

    public BenchCommandTests(DemoDataDirectory demo) => _demo = demo;

    [Fact]
    public async Task Bench_prints_one_json_object_with_a_figure_for_every_query_line()
    {
        string queries = await _demo.WriteAsync("plain.txt",
            "# link prediction, and some garbage the parser must survive",
            "",
            "link prediction common neighbor",
            "\"bottom-up program synthesis\"",
            "diffusion year:2024..2020",
            "title:title:caption",
            "   ",
            "cat:cs.LG",
            "\"unbalanced quote",
            "the of and");

        var run = await _demo.Paperboy.RunAsync("bench", "--queries", queries, "--warmup", "3", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal(["queries", "p50_ms", "p90_ms", "p99_ms", "qps"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, json.GetProperty("queries").GetInt32());
        double p50 = json.GetProperty("p50_ms").GetDouble();
        double p90 = json.GetProperty("p90_ms").GetDouble();
        double p99 = json.GetProperty("p99_ms").GetDouble();
        Assert.True(p50 >= 0 && p50 <= p90 && p90 <= p99, $"p50 {p50}, p90 {p90}, p99 {p99}");
        Assert.True(json.GetProperty("qps").GetDouble() > 0);
        foreach (var figure in json.EnumerateObject().Skip(1))
        {
            Assert.Equal(Math.Round(figure.Value.GetDouble(), 3), figure.Value.GetDouble());
        }
    }

    [Fact]
    public async Task Bench_reads_the_dev_eval_format_and_prints_a_table_as_text()
    {
        string queries = await _demo.WriteAsync("dev-eval.jsonl",
            """{"id": "D-1", "query": "rectified flow transformers", "relevant": ["x"], "style": "keywords"}""",
            """{"id": "D-2", "query": "how do I separate sounds by describing them?", "relevant": ["y"], "style": "question"}""");

        var json = await _demo.Paperboy.RunAsync("bench", "--queries", queries, "--warmup", "0", "--limit", "3", "--json");
        var text = await _demo.Paperboy.RunAsync("bench", "--queries", queries);

        Assert.Equal(2, json.Json().GetProperty("queries").GetInt32());
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("403 papers", text.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Queries\s*│\s*p50 ms\s*│\s*p90 ms\s*│\s*p99 ms\s*│\s*QPS", text.Stdout);
        Assert.Matches(@"│\s*2\s*│\s*\d+\.\d{3}\s*│", text.Stdout);
    }

    [Fact]
    public async Task Bench_without_a_query_file_is_a_usage_error()
    {
        var missing = await _demo.Paperboy.RunAsync("bench", "--queries", Path.Combine(_demo.Paperboy.DataDirectory, "no-such-file.txt"));
        var unnamed = await _demo.Paperboy.RunAsync("bench");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no-such-file.txt does not exist", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, unnamed.ExitCode);
        Assert.Contains("--queries", unnamed.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("only-comments.txt", "# nothing here", "holds no queries")]
    [InlineData("broken.jsonl", "{\"query\": ", "broken.jsonl:1: unable to read the JSON line")]
    [InlineData("no-query.jsonl", "{\"id\": \"D-1\"}", "no-query.jsonl:1: a JSON line needs a \"query\" string")]
    public async Task Bench_of_a_file_without_usable_queries_is_a_usage_error(string name, string line, string message)
    {
        string queries = await _demo.WriteAsync(name, line);

        var run = await _demo.Paperboy.RunAsync("bench", "--queries", queries);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Bench_refuses_a_query_longer_than_search_accepts_and_names_its_line()
    {
        string queries = await _demo.WriteAsync("long.txt", "graph", new string('a', 1001));

        var run = await _demo.Paperboy.RunAsync("bench", "--queries", queries);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("long.txt:2: the query has 1001 characters; at most 1000 are accepted", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--warmup", "-1")]
    [InlineData("--limit", "0")]
    [InlineData("--warmup", "many")]
    public async Task Bench_with_a_bad_warmup_or_limit_is_a_usage_error(string option, string value)
    {
        string queries = await _demo.WriteAsync("one.txt", "graph");

        var run = await _demo.Paperboy.RunAsync("bench", "--queries", queries, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEqual("", run.Stderr);
    }

    [Fact]
    public async Task Bench_over_an_empty_store_says_there_is_nothing_to_time()
    {
        using var empty = new PaperboyProcess();
        Directory.CreateDirectory(empty.DataDirectory);
        string queries = Path.Combine(empty.DataDirectory, "queries.txt");
        await File.WriteAllLinesAsync(queries, ["graph"]);

        var run = await empty.RunAsync("bench", "--queries", queries, "--json");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("holds no papers; there is nothing to time", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }
}
