using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>
/// Charts as SVG written on the server: no script, readable by a screen reader (role="img" named by its title and a
/// summary in its desc), scaling down to a phone (viewBox), values written on or beside the bars so colour never
/// carries meaning alone, and a suppressed value drawn as a hatched stub with its "&lt; 5" or "×". The exact numbers
/// are always in a table beside the chart.
/// </summary>
public static class SvgCharts
{
    private const double W = 640, H = 240, Left = 44, Right = 8, Top = 18, Bottom = 34;

    public static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>The opening of an accessible SVG, with the hatch pattern used for suppressed values.</summary>
    /// <param name="role">"img" for a picture; "group" for one whose parts are links, which an img would hide from screen readers.</param>
    public static void Open(StringBuilder svg, string id, double width, double height, string title, string desc, string cssClass, string role = "img")
    {
        svg.Append($"<svg class=\"{cssClass}\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"{role}\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append($"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(desc)}</desc>");
        svg.Append($"<defs><pattern id=\"{id}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
           .Append("<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#555555\" stroke-width=\"2.5\"/></pattern></defs>");
    }

    /// <summary>Bars per week for one figure; <paramref name="labels"/> are short week names ("wk 48").</summary>
    public static IHtmlContent Weekly(string id, string title, string desc, IReadOnlyList<(string Label, FigureValue Value)> bars, FigureKind kind, int minimum)
    {
        var svg = new StringBuilder();
        Open(svg, id, W, H, title, desc, "chart");
        var shown = bars.Where(b => b.Value.Value is not null).Select(b => b.Value.Value!.Value).ToList();
        var floor = kind.IsCount ? minimum : 0;
        // Four gridlines at round steps; whole numbers for counts.
        var step = kind.Unit == "share" ? 0.25 : NiceStep(Math.Max(shown.DefaultIfEmpty(0).Max(), Math.Max(floor, 1)) / 4, kind.IsCount);
        var max = step * 4;
        double Y(double v) => Top + (H - Top - Bottom) * (1 - v / max);
        for (var t = 0; t <= 4; t++)
        {
            var v = max * t / 4;
            svg.Append($"<line class=\"chart-grid\" x1=\"{N(Left)}\" x2=\"{N(W - Right)}\" y1=\"{N(Y(v))}\" y2=\"{N(Y(v))}\"/>");
            svg.Append($"<text class=\"chart-axis\" x=\"{N(Left - 4)}\" y=\"{N(Y(v) + 4)}\" text-anchor=\"end\">{E(kind.Format(v))}</text>");
        }
        var slot = (W - Left - Right) / Math.Max(1, bars.Count);
        var every = (int)Math.Ceiling(bars.Count / 9.0);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var x = Left + slot * i + slot * 0.15;
            var width = slot * 0.7;
            var mid = x + width / 2;
            if (value.Value is { } v)
                svg.Append($"<rect class=\"chart-bar\" x=\"{N(x)}\" y=\"{N(Y(v))}\" width=\"{N(width)}\" height=\"{N(Y(0) - Y(v))}\"/>");
            else if (value.IsSuppressed)
            {
                // Drawn up to the minimum for a small count: the truth is somewhere below it.
                var top = value.Suppressed == FigureValue.Small && kind.IsCount ? Y(minimum) : Y(0) - 10;
                svg.Append($"<rect x=\"{N(x)}\" y=\"{N(top)}\" width=\"{N(width)}\" height=\"{N(Y(0) - top)}\" fill=\"url(#{id}-hatch)\" stroke=\"#555555\"/>");
            }
            if (bars.Count <= 13 || value.IsSuppressed)
            {
                var at = value.Value is { } vv ? Y(vv) : value.Suppressed == FigureValue.Small && kind.IsCount ? Y(minimum) : Y(0) - 10;
                svg.Append($"<text class=\"chart-value\" x=\"{N(mid)}\" y=\"{N(at - 4)}\" text-anchor=\"middle\">{E(kind.Text(value, minimum))}</text>");
            }
            if (i % every == 0 || i == bars.Count - 1)
                svg.Append($"<text class=\"chart-axis\" x=\"{N(mid)}\" y=\"{N(H - Bottom + 16)}\" text-anchor=\"middle\">{E(label)}</text>");
        }
        svg.Append($"<line class=\"chart-baseline\" x1=\"{N(Left)}\" x2=\"{N(W - Right)}\" y1=\"{N(Y(0))}\" y2=\"{N(Y(0))}\"/>");
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>
    /// Per gebied, requests asked in the period (solid) against active volunteers (striped), each with its value
    /// written beside it; rows in the order given (the page puts the gebieden shortest of volunteers first).
    /// </summary>
    public static IHtmlContent Comparison(string id, string title, string desc, IReadOnlyList<(string Name, FigureValue Asked, FigureValue Volunteers)> rows,
        int minimum, string askedLabel, string volunteersLabel)
    {
        const double rowHeight = 62, labelWidth = 0;
        var height = 40 + rows.Count * rowHeight;
        var svg = new StringBuilder();
        Open(svg, id, W, height, title, desc, "chart chart-comparison");
        svg.Append($"<pattern id=\"{id}-stripes\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\"><rect width=\"8\" height=\"8\" fill=\"#f2b53a\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#8a5a00\" stroke-width=\"3\"/></pattern>");
        svg.Append($"<rect x=\"0\" y=\"6\" width=\"18\" height=\"14\" class=\"chart-bar\"/><text class=\"chart-axis\" x=\"24\" y=\"18\">{E(askedLabel)}</text>");
        svg.Append($"<rect x=\"300\" y=\"6\" width=\"18\" height=\"14\" fill=\"url(#{id}-stripes)\" stroke=\"#8a5a00\"/><text class=\"chart-axis\" x=\"324\" y=\"18\">{E(volunteersLabel)}</text>");
        var max = NiceCeiling(Math.Max(minimum, rows.SelectMany(r => new[] { r.Asked.Value ?? 0, r.Volunteers.Value ?? 0 }).DefaultIfEmpty(0).Max()));
        var span = W - labelWidth - 80;
        for (var i = 0; i < rows.Count; i++)
        {
            var (name, asked, volunteers) = rows[i];
            var y = 40 + i * rowHeight;
            svg.Append($"<text class=\"chart-label\" x=\"0\" y=\"{N(y + 14)}\">{E(name)}</text>");
            Bar(svg, y + 20, asked, "class=\"chart-bar\"");
            Bar(svg, y + 38, volunteers, $"fill=\"url(#{id}-stripes)\" stroke=\"#8a5a00\"");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());

        void Bar(StringBuilder s, double y, FigureValue value, string paint)
        {
            var length = value.Value is { } v ? span * v / max : value.Suppressed == FigureValue.Small ? span * minimum / max : 10;
            if (value.IsSuppressed) paint = $"fill=\"url(#{id}-hatch)\" stroke=\"#555555\"";
            if (length > 0) s.Append($"<rect x=\"{N(labelWidth)}\" y=\"{N(y)}\" width=\"{N(length)}\" height=\"14\" {paint}/>");
            s.Append($"<text class=\"chart-value\" x=\"{N(labelWidth + length + 6)}\" y=\"{N(y + 12)}\">{E(FigureKind.Asked.Text(value, minimum))}</text>");
        }
    }

    /// <summary>1, 2 or 5 times a power of ten (a whole number when <paramref name="whole"/>), at least <paramref name="value"/>.</summary>
    public static double NiceStep(double value, bool whole)
    {
        if (whole && value <= 1) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1, 2, 5, 10 })
            if (factor * power >= value) return factor * power;
        return 10 * power;
    }

    /// <summary>1, 2, 2.5 or 5 times a power of ten, at least <paramref name="value"/>.</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 2.5, 5, 10 })
            if (step * power >= value) return step * power;
        return 10 * power;
    }
}
