namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>Configuration section "Figures".</summary>
public sealed class FiguresOptions
{
    /// <summary>
    /// Counts from 1 up to below this are never shown, only "&lt; 5": so few people can be recognised, and a figure
    /// is never personal data. Shares and medians over fewer requests are hidden as well.
    /// </summary>
    public int MinimumCount { get; set; } = 5;
}
