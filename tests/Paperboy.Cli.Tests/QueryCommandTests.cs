namespace Paperboy.Cli.Tests;

/// <summary>search, show, stats and usage errors over a data directory holding the demo corpus.</summary>
public sealed class QueryCommandTests : IClassFixture<DemoDataDirectory>
{
    private readonly DemoDataDirectory _demo;

    public QueryCommandTests(DemoDataDirectory demo) => _demo = demo;

    [Fact]
    public async Task Stats_reports_the_number_of_papers_as_json_and_text()
    {
        var json = await _demo.Paperboy.RunAsync("stats", "--json");
        var text = await _demo.Paperboy.RunAsync("stats");

        Assert.Equal(403, json.Json().GetProperty("papers").GetInt64());
        Assert.Contains("Papers: 403", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_returns_the_best_match_first_in_json()
    {
        var run = await _demo.Paperboy.RunAsync("search", "bottom-up program synthesis", "--limit", "3", "--json");

        Assert.Equal(0, run.ExitCode);
        var hits = run.Json().GetProperty("hits");
        Assert.Equal(3, hits.GetArrayLength());
        Assert.Equal("BUSTLE: Bottom-Up Program Synthesis Through Learning-Guided Exploration", hits[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task Search_prints_ranked_titles_as_text()
    {
        var run = await _demo.Paperboy.RunAsync("search", "link prediction");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"\d+ papers match \(keyword\)\.", run.Stdout);
        Assert.Contains(" 1. ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Link Prediction", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_a_paper_found_by_search_in_json_and_text()
    {
        var search = await _demo.Paperboy.RunAsync("search", "\"detail image caption\"", "--limit", "1", "--json");
        string id = search.Json().GetProperty("hits")[0].GetProperty("id").GetString()!;

        var json = await _demo.Paperboy.RunAsync("show", id, "--json");
        var text = await _demo.Paperboy.RunAsync("show", id);

        Assert.Equal("Benchmarking and Improving Detail Image Caption", json.Json().GetProperty("title").GetString());
        Assert.Equal(id, json.Json().GetProperty("id").GetString());
        Assert.StartsWith("Benchmarking and Improving Detail Image Caption", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("https://github.com/foundation-multimodal-models/CAPTURE", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_of_an_unknown_id_exits_1_with_a_message()
    {
        var run = await _demo.Paperboy.RunAsync("show", "2401.99999");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no paper with id '2401.99999'", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Paperboy__Search__SearchThreads", "0", "options: Paperboy:Search:SearchThreads must be at least 1")]
    [InlineData("Paperboy__Search__K1", "-1", "options: Paperboy:Search:K1 must be at least 0")]
    public async Task A_bad_search_setting_is_named_without_a_stack_trace(string variable, string value, string message)
    {
        using var paperboy = new PaperboyProcess();
        paperboy.Environment[variable] = value;

        var run = await paperboy.RunAsync("stats");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("search")]
    [InlineData("search", "x", "--limit", "many")]
    [InlineData("eval")]
    [InlineData("import")]
    public async Task A_wrong_command_line_exits_2(params string[] args)
    {
        var run = await _demo.Paperboy.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.NotEqual("", run.Stderr);
    }
}
