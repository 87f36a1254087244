using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Catalog;
using Paperboy.Application.Searching;
using Paperboy.Cli.Output;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>
/// paperboy bench --queries FILE [--warmup N] [--limit K] [--json]: query latency over the current
/// data directory, through <see cref="PaperSearchService.SearchAsync"/> as `paperboy search` calls
/// it, one query at a time on one thread. The index is built before the clock starts.
/// </summary>
public static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var queries = new Option<FileInfo?>("--queries") { Description = "Queries, one a line (# comments; or dev-eval JSON lines)", Required = true };
        var warmup = new Option<int>("--warmup") { Description = "Run the first N queries untimed first", DefaultValueFactory = _ => 20 };
        var limit = new Option<int>("--limit") { Description = "Results per query, as search --limit", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: queries, p50_ms, p90_ms, p99_ms, qps" };
        var command = new Command("bench", "Time queries against the current data") { queries, warmup, limit, json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var file = parsed.GetValue(queries)!;
            int warmupCount = parsed.GetValue(warmup);
            int take = parsed.GetValue(limit);
            if (warmupCount < 0 || take < 1)
            {
                throw new UsageException("--warmup must be 0 or more and --limit at least 1");
            }
            if (!file.Exists)
            {
                throw new UsageException($"{file.FullName} does not exist");
            }
            var texts = await BenchQueryFile.ReadAsync(file.FullName, cancellationToken);

            await using var services = context.BuildServices(parsed);
            long papers = (await services.GetRequiredService<PaperCatalog>().StatsAsync(cancellationToken)).Papers;
            if (papers == 0)
            {
                await Console.Error.WriteLineAsync(
                    $"paperboy: the store in {Path.GetFullPath(context.ReadOptions(parsed).DataDirectory)} holds no papers; " +
                    "there is nothing to time (import some first, or choose another --data)");
                return ExitCodes.Failed;
            }
            var search = services.GetRequiredService<PaperSearchService>();
            var opened = Stopwatch.GetTimestamp();
            // An empty query builds (or opens) the index and ranks nothing, so the build is not timed.
            await search.SearchAsync("", 1, 0, cancellationToken);
            var openTime = Stopwatch.GetElapsedTime(opened);
            foreach (var query in texts.Take(warmupCount))
            {
                await search.SearchAsync(query, take, 0, cancellationToken);
            }

            var report = await TimeAsync(search, texts, take, cancellationToken);
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(report);
                return ExitCodes.Success;
            }
            Terminal.Out.MarkupLine(
                $"{papers:N0} papers; index ready in {openTime.TotalMilliseconds:N0} ms (not timed); " +
                $"{Math.Min(warmupCount, texts.Count):N0} warmup queries; top {take} with snippets, as search.");
            Terminal.Out.Write(new Table()
                .AddColumns("Queries", "p50 ms", "p90 ms", "p99 ms", "QPS")
                .AddRow($"{report.Queries:N0}", $"{report.P50Ms:F3}", $"{report.P90Ms:F3}", $"{report.P99Ms:F3}", $"{report.Qps:N1}"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<BenchReport> TimeAsync(PaperSearchService search, IReadOnlyList<string> queries, int limit, CancellationToken cancellationToken)
    {
        var milliseconds = new double[queries.Count];
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < queries.Count; i++)
        {
            var before = Stopwatch.GetTimestamp();
            await search.SearchAsync(queries[i], limit, 0, cancellationToken);
            milliseconds[i] = Stopwatch.GetElapsedTime(before).TotalMilliseconds;
        }
        return BenchReport.From(milliseconds, Stopwatch.GetElapsedTime(started));
    }
}
