using Paperboy.Ingest.Kaggle;
using Paperboy.Ingest.SavedPages;
using Paperboy.Ingest.Sources.ArxivApi;
using Paperboy.Ingest.Sources.OaiPmh;
using Paperboy.Ingest.Sources.ArxivRss;
using Paperboy.Ingest.Sources.HuggingFace;

namespace Paperboy.Ingest;

/// <summary>The reader for each detected format.</summary>
public static class RecordReaders
{
    public static IRecordReader For(ImportFormat format) => format switch
    {
        ImportFormat.SavedPage => new SavedPageReader(),
        ImportFormat.KaggleSnapshot => new KaggleSnapshotReader(),
        ImportFormat.ArxivApiFeed => new ArxivApiReader(),
        ImportFormat.OaiPmh => new OaiPmhReader(),
        ImportFormat.HfDailyPapers => new HfDailyPapersReader(),
        ImportFormat.ArxivRss => new ArxivRssReader(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, $"ingest: no reader for import format {format}"),
    };
}
