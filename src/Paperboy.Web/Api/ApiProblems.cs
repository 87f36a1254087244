using Microsoft.AspNetCore.Http.HttpResults;

namespace Paperboy.Web.Api;

/// <summary>The problems the account endpoints answer with, worded once.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult NoPaper(string? id) =>
        TypedResults.Problem($"no paper with id '{id}'", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult NotSaved(string? id) =>
        TypedResults.Problem($"paper '{id}' is not in your library", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult BadInput(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
