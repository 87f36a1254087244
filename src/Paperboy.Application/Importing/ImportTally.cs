using Paperboy.Core.Storage;
using Paperboy.Ingest;

namespace Paperboy.Application.Importing;

/// <summary>Counts what one file's import did, keeping the first errors for the report.</summary>
internal sealed class ImportTally(string path, ImportFormat format)
{
    private readonly List<ImportError> _errors = [];
    private UpsertSummary _stored = UpsertSummary.Empty;
    private int _rejected;

    public long Read => _stored.Total + _rejected;

    public void Add(UpsertSummary summary) => _stored = _stored.Plus(summary);

    public void Reject(ImportError error)
    {
        _rejected++;
        if (_errors.Count < ImportService.MaxReportedErrors)
        {
            _errors.Add(error);
        }
    }

    public FileImportReport ToReport() =>
        new(path, format, _stored.Added, _stored.Updated, _stored.Unchanged, _rejected, _errors);
}
