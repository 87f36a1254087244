using System.CommandLine;
using Paperboy.Cli.Output;
using Paperboy.Ingest.Synthetic;
using Spectre.Console;

namespace Paperboy.Cli.Commands;

/// <summary>
/// paperboy gen --papers N --seed S --out FILE: a deterministic synthetic corpus in the Kaggle snapshot
/// format (Zipf-distributed vocabulary, recurring phrases, authors, categories, dates) for scale tests.
/// </summary>
public static class GenCommand
{
    public static Command Create()
    {
        var papers = new Option<int>("--papers") { Description = "How many papers", Required = true };
        var seed = new Option<int>("--seed") { Description = "Same seed, same bytes", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--out") { Description = "The JSON-lines file to write", Required = true };
        var command = new Command("gen", "Write a synthetic corpus for scale tests") { papers, seed, output };
        command.SetAction(parsed =>
        {
            int count = parsed.GetValue(papers);
            if (count < 1)
            {
                throw new UsageException("--papers must be at least 1");
            }
            var file = parsed.GetValue(output)!;
            SyntheticCorpus.WriteFile(file.FullName, count, parsed.GetValue(seed));
            Terminal.Out.MarkupLine($"Wrote {count:N0} papers to {Terminal.Escape(file.FullName)} ({new FileInfo(file.FullName).Length:N0} bytes).");
            return ExitCodes.Success;
        });
        return command;
    }
}
