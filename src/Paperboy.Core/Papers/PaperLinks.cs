namespace Paperboy.Core.Papers;

/// <summary>Where a reader can go from a paper: arXiv abstract and PDF, the DOI resolver, code.</summary>
public sealed record PaperLinks(Uri? Abstract, Uri? Pdf, Uri? Doi, IReadOnlyList<Uri> Code)
{
    public static PaperLinks For(Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        Uri? abs = paper.ArxivId is null ? null : new Uri($"https://arxiv.org/abs/{paper.ArxivId}");
        Uri? pdf = paper.ArxivId is null ? null : new Uri($"https://arxiv.org/pdf/{paper.ArxivId}");
        Uri? doi = string.IsNullOrWhiteSpace(paper.Doi) ? null : new Uri($"https://doi.org/{Uri.EscapeDataString(paper.Doi).Replace("%2F", "/", StringComparison.Ordinal)}");
        var code = paper.CodeLinks
            .Select(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .ToList();
        return new PaperLinks(abs, pdf, doi, code);
    }
}
