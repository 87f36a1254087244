namespace Paperboy.Ingest;

/// <summary>The source names readers record in <c>Paper.FieldSources</c>.</summary>
public static class ImportSources
{
    public const string SavedPage = "saved-page";
    public const string KaggleSnapshot = "kaggle-snapshot";
}
