using Paperboy.Ingest;

namespace Paperboy.Application.Importing;

/// <summary>What importing one file did: papers added, updated, unchanged, records rejected and why.</summary>
public sealed record FileImportReport(
    string File,
    ImportFormat Format,
    int Added,
    int Updated,
    int Unchanged,
    int Rejected,
    IReadOnlyList<ImportError> Errors)
{
    public static FileImportReport Failed(string file, ImportFormat format, string message) =>
        new(file, format, 0, 0, 0, 1, [new ImportError(file, 0, message)]);
}
