using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Paperboy.Application.Browsing;
using Paperboy.Application.Citations;
using Paperboy.Application.Contracts;
using Paperboy.Application.Library;
using Paperboy.Application.Searching;
using Paperboy.Web.Accounts;
using Paperboy.Web.Api;

namespace Paperboy.Web.Pages;

/// <summary>The reader's library: saved papers with tags and notes, a tag filter, import of arXiv ids, export.</summary>
[Authorize]
public sealed class LibraryModel(LibraryService library, SimilarPapers similar, TimeProvider time) : PageModel
{
    /// <summary>How many papers "like these" a tag's page suggests.</summary>
    public const int LikeTheseCount = 5;

    /// <summary>An uploaded list of ids larger than this is refused rather than read.</summary>
    public const long MaxUploadBytes = 256 * 1024;

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    public IReadOnlyList<LibraryEntry> Entries { get; private set; } = [];
    public IReadOnlyList<(string Tag, int Count)> Tags { get; private set; } = [];

    /// <summary>On a tag's page: papers like the tagged ones that are not in the library yet.</summary>
    public IReadOnlyList<PaperHit> LikeThese { get; private set; } = [];
    public LibraryImportReport? Imported { get; private set; }
    public string? Error { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostImportAsync(string? ids, IFormFile? file, CancellationToken cancellationToken)
    {
        var text = new StringBuilder(ids ?? "");
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxUploadBytes)
            {
                return await FailAsync($"That file is larger than {MaxUploadBytes / 1024} KB; a list of ids is far smaller.", cancellationToken);
            }
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            text.Append('\n').Append(await reader.ReadToEndAsync(cancellationToken));
        }
        var list = LibraryInput.SplitIds(text.ToString());
        if (list.Count == 0)
        {
            return await FailAsync("Paste arXiv ids or choose a file of them to import.", cancellationToken);
        }
        Imported = await library.ImportIdsAsync(User.RequiredAccountId(), list, cancellationToken);
        if (Imported is null)
        {
            return await FailAsync($"At most {LibraryInput.MaxImportIds:N0} ids per import.", cancellationToken);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(string? format, string[]? ids, CancellationToken cancellationToken)
    {
        var entries = await library.SelectAsync(User.RequiredAccountId(), ids ?? [], cancellationToken);
        if (format == "json")
        {
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(LibraryExportResource.From(entries, time.GetUtcNow()), ResourceJson.Options);
            return File(json, "application/json", LibraryExport.JsonFileName);
        }
        string bibtex = BibTexWriter.Write(entries.Where(e => e.Paper is not null).Select(e => e.Paper!));
        return File(Encoding.UTF8.GetBytes(bibtex), LibraryExport.BibTexContentType, LibraryExport.BibTexFileName);
    }

    public async Task<IActionResult> OnPostAddTagAsync(string paperId, string? newTag, CancellationToken cancellationToken) =>
        await AfterAsync(await library.AddTagAsync(User.RequiredAccountId(), paperId, newTag, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRemoveTagAsync(string paperId, string? removeTag, CancellationToken cancellationToken) =>
        await AfterAsync(await library.RemoveTagAsync(User.RequiredAccountId(), paperId, removeTag, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostNoteAsync(string paperId, string? note, CancellationToken cancellationToken) =>
        await AfterAsync(await library.SetNoteAsync(User.RequiredAccountId(), paperId, note, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(string paperId, CancellationToken cancellationToken)
    {
        await library.RemoveAsync(User.RequiredAccountId(), paperId, cancellationToken);
        return LocalRedirect(ListPath);
    }

    private string ListPath => string.IsNullOrWhiteSpace(Tag) ? "/library" : $"/library?tag={Uri.EscapeDataString(Tag)}";

    private async Task<IActionResult> AfterAsync(LibraryResult result, CancellationToken cancellationToken) => result.Status switch
    {
        LibraryStatus.Ok => LocalRedirect(ListPath),
        LibraryStatus.InvalidInput => await FailAsync(result.Error!, cancellationToken),
        _ => await FailAsync("That paper is not in your library.", cancellationToken),
    };

    private async Task<IActionResult> FailAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        long accountId = User.RequiredAccountId();
        Entries = await library.ListAsync(accountId, Tag, cancellationToken);
        Tags = await library.ListTagsAsync(accountId, cancellationToken);
        if (!string.IsNullOrWhiteSpace(Tag))
        {
            var saved = (await library.ListAsync(accountId, null, cancellationToken)).Select(e => e.Item.PaperId).ToHashSet(StringComparer.Ordinal);
            var tagged = Entries.Where(e => e.Paper is not null).Select(e => e.Paper!).ToList();
            var like = await similar.LikeTheseAsync(tagged, LikeTheseCount + saved.Count, cancellationToken);
            LikeThese = like.Where(h => !saved.Contains(h.Paper.Id)).Take(LikeTheseCount).ToList();
        }
    }
}
