using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Paperboy.Application.Citations;
using Paperboy.Application.Contracts;
using Paperboy.Application.Library;
using Paperboy.Web.Accounts;

namespace Paperboy.Web.Api;

/// <summary>/api/library: the caller's saved papers, tags, notes, import and export (bearer token required).</summary>
public static class LibraryEndpoints
{
    public static void MapLibraryEndpoints(this RouteGroupBuilder api)
    {
        var library = api.MapGroup("/library").RequireAuthorization(AccountAuthentication.ApiPolicy);
        library.MapGet("", ListAsync);
        library.MapPost("", SaveAsync);
        library.MapPost("/tags", AddTagAsync);
        library.MapDelete("/tags", RemoveTagAsync);
        library.MapPut("/notes", SetNoteAsync);
        library.MapGet("/export", ExportAsync);
        library.MapPost("/import", ImportAsync);
        // Catch-all last in the path: old arXiv ids contain a slash (hep-th/9901001).
        library.MapDelete("/{**id}", RemoveAsync);
    }

    /// <summary>GET /api/library?tag=: saved papers, newest saved first.</summary>
    private static async Task<Ok<List<LibraryItemResource>>> ListAsync(string? tag, ClaimsPrincipal user, LibraryService library, CancellationToken cancellationToken)
    {
        var entries = await library.ListAsync(user.RequiredAccountId(), tag, cancellationToken);
        return TypedResults.Ok(entries.Select(LibraryItemResource.From).ToList());
    }

    /// <summary>POST /api/library {"paper_id"}: saves a paper; saving it again changes nothing.</summary>
    private static async Task<Results<Ok<LibraryItemResource>, ProblemHttpResult>> SaveAsync(
        LibrarySaveRequest request, ClaimsPrincipal user, LibraryService library, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.PaperId))
        {
            return ApiProblems.BadInput("paper_id is required");
        }
        return Answer(await library.SaveAsync(user.RequiredAccountId(), request.PaperId, cancellationToken), request.PaperId);
    }

    /// <summary>DELETE /api/library/{id}: removes a saved paper with its tags and note.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string id, ClaimsPrincipal user, LibraryService library, CancellationToken cancellationToken) =>
        await library.RemoveAsync(user.RequiredAccountId(), id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotSaved(id);

    /// <summary>POST /api/library/tags {"paper_id", "tag"}.</summary>
    private static async Task<Results<Ok<LibraryItemResource>, ProblemHttpResult>> AddTagAsync(
        LibraryTagRequest request, ClaimsPrincipal user, LibraryService library, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.PaperId)
            ? ApiProblems.BadInput("paper_id is required")
            : Answer(await library.AddTagAsync(user.RequiredAccountId(), request.PaperId, request.Tag, cancellationToken), request.PaperId);

    /// <summary>DELETE /api/library/tags?paper_id=&amp;tag=.</summary>
    private static async Task<Results<Ok<LibraryItemResource>, ProblemHttpResult>> RemoveTagAsync(
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "paper_id")] string? paperId, string? tag, ClaimsPrincipal user, LibraryService library, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(paperId)
            ? ApiProblems.BadInput("paper_id is required")
            : Answer(await library.RemoveTagAsync(user.RequiredAccountId(), paperId, tag, cancellationToken), paperId);

    /// <summary>PUT /api/library/notes {"paper_id", "note"}.</summary>
    private static async Task<Results<Ok<LibraryItemResource>, ProblemHttpResult>> SetNoteAsync(
        LibraryNoteRequest request, ClaimsPrincipal user, LibraryService library, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.PaperId)
            ? ApiProblems.BadInput("paper_id is required")
            : Answer(await library.SetNoteAsync(user.RequiredAccountId(), request.PaperId, request.Note, cancellationToken), request.PaperId);

    /// <summary>GET /api/library/export?format=bibtex|json&amp;ids=...: the named saved papers, or all.</summary>
    private static async Task<Results<ContentHttpResult, Ok<LibraryExportResource>, ProblemHttpResult>> ExportAsync(
        string? format, string[]? ids, ClaimsPrincipal user, LibraryService library, TimeProvider time, CancellationToken cancellationToken)
    {
        string kind = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        if (kind is not ("json" or "bibtex"))
        {
            return ApiProblems.BadInput("format must be one of json, bibtex");
        }
        var entries = await library.SelectAsync(user.RequiredAccountId(), ids ?? [], cancellationToken);
        return kind == "json"
            ? TypedResults.Ok(LibraryExportResource.From(entries, time.GetUtcNow()))
            : TypedResults.Text(BibTexWriter.Write(entries.Where(e => e.Paper is not null).Select(e => e.Paper!)), LibraryExport.BibTexContentType, Encoding.UTF8);
    }

    /// <summary>POST /api/library/import {"ids": [...]} or {"text": "..."}: saves known papers, reports the rest.</summary>
    private static async Task<Results<Ok<LibraryImportResource>, ProblemHttpResult>> ImportAsync(
        LibraryImportRequest request, ClaimsPrincipal user, LibraryService library, CancellationToken cancellationToken)
    {
        var ids = (request.Ids ?? []).Concat(LibraryInput.SplitIds(request.Text)).Where(id => !string.IsNullOrWhiteSpace(id)).ToList();
        if (ids.Count == 0)
        {
            return ApiProblems.BadInput("give arXiv ids as ids (a list) or text");
        }
        var report = await library.ImportIdsAsync(user.RequiredAccountId(), ids, cancellationToken);
        return report is null
            ? ApiProblems.BadInput($"at most {LibraryInput.MaxImportIds} ids per import")
            : TypedResults.Ok(LibraryImportResource.From(report));
    }

    private static Results<Ok<LibraryItemResource>, ProblemHttpResult> Answer(LibraryResult result, string? paperId) => result.Status switch
    {
        LibraryStatus.Ok => TypedResults.Ok(LibraryItemResource.From(result.Entry!)),
        LibraryStatus.PaperNotFound => ApiProblems.NoPaper(paperId),
        LibraryStatus.NotSaved => ApiProblems.NotSaved(paperId),
        _ => ApiProblems.BadInput(result.Error ?? "invalid input"),
    };
}
