using Microsoft.Extensions.Localization;

namespace Wehelpen.Web.Features.Locations;

internal static class PostcodeMessages
{
    /// <summary>Why a postcode cannot be used, in words that tell the person what to do.</summary>
    public static string For(PostcodeLookup lookup, IStringLocalizer<SharedResource> text) => lookup.Problem switch
    {
        PostcodeProblem.Malformed => text["Postcode.Malformed"],
        PostcodeProblem.Unknown => text["Postcode.Unknown", lookup.Postcode!.Pc4],
        PostcodeProblem.PostBox => text["Postcode.PostBox", lookup.Postcode!.Pc4],
        _ => "",
    };
}
