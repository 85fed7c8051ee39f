using Wehelpen.Web.Features.Requests;

namespace Wehelpen.Web.Features.Thanks;

/// <summary>On the circle's page of a done request: the thanks, and the form to write (or change) them.</summary>
internal sealed class ThanksSection : IRequestPageSection
{
    public string Partial => "/Features/Thanks/_RequestThanks.cshtml";
}

/// <summary>The thanks form, on the request's page and on its own page after a refusal.</summary>
public sealed record ThanksFormView(string Action, string HelperFirstName, ThanksForm Input, bool Changing);

public sealed class ThanksForm
{
    public string? Note { get; set; }
}
