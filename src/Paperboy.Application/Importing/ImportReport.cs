namespace Paperboy.Application.Importing;

/// <summary>The summary of one `paperboy import`: per file, totals, and the papers the store now holds.</summary>
public sealed record ImportReport(IReadOnlyList<FileImportReport> Files, long PapersInStore)
{
    public int Added => Files.Sum(f => f.Added);
    public int Updated => Files.Sum(f => f.Updated);
    public int Unchanged => Files.Sum(f => f.Unchanged);
    public int Rejected => Files.Sum(f => f.Rejected);
    public IEnumerable<Ingest.ImportError> Errors => Files.SelectMany(f => f.Errors);
}
