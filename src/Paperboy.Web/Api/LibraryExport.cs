namespace Paperboy.Web.Api;

/// <summary>How exported libraries are served, shared by the API and the library page.</summary>
public static class LibraryExport
{
    public const string BibTexContentType = "application/x-bibtex";
    public const string BibTexFileName = "paperboy-library.bib";
    public const string JsonFileName = "paperboy-library.json";
}
