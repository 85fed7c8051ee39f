using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Locations;

public sealed record PostcodeAreaResponse(string Postcode, string Pc4, string PlaceName, double Latitude, double Longitude);

/// <summary>
/// /api/v1/postcodes/{postcode}: where a postcode lies (the centre of its four-digit area, which is public
/// information), or why it cannot be used. Lets an app check a postcode before saving a profile.
/// </summary>
internal static class LocationsApi
{
    public static WebApplication MapLocations(this WebApplication app)
    {
        app.MapGroup("/api/v1/postcodes").WithTags("Locations")
            .MapGet("/{postcode}", Lookup);
        return app;
    }

    private static Results<Ok<PostcodeAreaResponse>, ProblemHttpResult> Lookup(
        string postcode, PostcodeTable table, IStringLocalizer<SharedResource> text)
    {
        var lookup = table.Lookup(postcode);
        if (!lookup.IsUsable)
        {
            var status = lookup.Problem == PostcodeProblem.Malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound;
            return TypedResults.Problem(PostcodeMessages.For(lookup, text), statusCode: status, title: text["Postcode.Title"],
                extensions: new Dictionary<string, object?> { ["reason"] = lookup.Problem.ToString().ToLowerInvariant() });
        }
        var area = lookup.Area!;
        return TypedResults.Ok(new PostcodeAreaResponse(lookup.Postcode!.ToString(), area.Pc4, area.Place, area.Centre.Latitude, area.Centre.Longitude));
    }
}
