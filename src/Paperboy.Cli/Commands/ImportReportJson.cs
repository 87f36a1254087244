using Paperboy.Application.Importing;

namespace Paperboy.Cli.Commands;

/// <summary>The JSON shape of `paperboy import --json` (docs/CLI.md).</summary>
public sealed record ImportReportJson(
    int Added, int Updated, int Unchanged, int Rejected, long Papers,
    IReadOnlyList<ImportReportJson.FileJson> Files, IReadOnlyList<ImportReportJson.ErrorJson> Errors)
{
    public static ImportReportJson From(ImportReport report) => new(
        report.Added, report.Updated, report.Unchanged, report.Rejected, report.PapersInStore,
        report.Files.Select(f => new FileJson(f.File, f.Format.ToString(), f.Added, f.Updated, f.Unchanged, f.Rejected)).ToList(),
        report.Errors.Select(e => new ErrorJson(e.File, e.Line, e.Message)).ToList());

    public sealed record FileJson(string File, string Format, int Added, int Updated, int Unchanged, int Rejected);

    public sealed record ErrorJson(string File, long Line, string Message);
}
