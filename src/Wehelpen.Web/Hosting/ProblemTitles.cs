using Microsoft.AspNetCore.WebUtilities;

namespace Wehelpen.Web.Hosting;

/// <summary>
/// The title of every ProblemDetails in the caller's language: a text per status the app answers with, and for any
/// other status a general one, so that no English reason phrase of the framework ever reaches a person.
/// </summary>
internal static class ProblemTitles
{
    public static string KeyFor(int status, bool validation) => status switch
    {
        400 when validation => "Problem.Validation",
        400 => "Problem.BadRequest",
        401 => "Problem.Unauthorized",
        403 => "Problem.Forbidden",
        404 => "Problem.NotFound",
        405 => "Problem.MethodNotAllowed",
        409 => "Problem.Conflict",
        413 => "Problem.TooLarge",
        415 => "Problem.UnsupportedMediaType",
        422 => "Problem.Unprocessable",
        429 => "Problem.TooManyRequests",
        503 => "Problem.Unavailable",
        >= 500 => "Problem.ServerError",
        _ => "Problem.ClientError",
    };

    /// <summary>The English titles the framework fills in (TypedResults.Problem, status code pages, the exception handler).</summary>
    public static bool IsFrameworkTitle(string title, int status) =>
        title == ReasonPhrases.GetReasonPhrase(status)
        || title is "An error occurred while processing your request." or "One or more validation errors occurred."
            or "Unprocessable Entity" or "Unprocessable Content" or "Payload Too Large" or "Content Too Large";
}
