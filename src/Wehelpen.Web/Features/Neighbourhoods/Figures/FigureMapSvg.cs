using System.Text;
using Microsoft.AspNetCore.Html;
using static Wehelpen.Web.Features.Neighbourhoods.Figures.SvgCharts;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>One class of the map's legend: values from <see cref="From"/> up to <see cref="Until"/>, and its fill.</summary>
public sealed record MapClass(double From, double Until, string Fill, string Ink);

/// <summary>
/// The gebieden coloured by one figure over the period (four classes of equal width, lightest lowest), each with its
/// number; a suppressed value hatched; gebieden that are not the viewer's grey, without a value or link. Each of the
/// viewer's gebieden is a link (keyboard-focusable) whose title names it and its value.
/// </summary>
public static class FigureMapSvg
{
    private static readonly (string Fill, string Ink)[] Palette = [("#fdf0d5", "#1c1c1c"), ("#f7c680", "#1c1c1c"), ("#d9822b", "#1c1c1c"), ("#8c3b0c", "#ffffff")];

    public static IReadOnlyList<MapClass> Classes(IEnumerable<double> values)
    {
        var max = NiceCeiling(values.DefaultIfEmpty(0).Max());
        return Palette.Select((p, i) => new MapClass(max * i / 4, max * (i + 1) / 4, p.Fill, p.Ink)).ToList();
    }

    public static IHtmlContent Render(AreaMap map, FiguresReport report, FigureKind kind, IReadOnlyList<MapClass> classes,
        string id, string title, string desc, Func<AreaFigures, string> link, string notYours)
    {
        var mine = report.Areas.ToDictionary(a => a.Code);
        var svg = new StringBuilder();
        Open(svg, id, AreaMap.Width, map.Height, title, desc, "figure-map", role: "group");
        foreach (var shape in map.Shapes)
        {
            var number = shape.Area.Number.ToString();
            if (!mine.TryGetValue(shape.Area.Code, out var area))
            {
                svg.Append($"<g class=\"map-other\"><title>{E(shape.Area.Number + " " + shape.Area.Name + ": " + notYours)}</title>")
                   .Append($"<path d=\"{shape.Path}\" fill=\"#e6e6e6\" stroke=\"#ffffff\" stroke-width=\"1.5\" fill-rule=\"evenodd\"/>")
                   .Append($"<text x=\"{N(shape.LabelX)}\" y=\"{N(shape.LabelY + 5)}\" text-anchor=\"middle\" class=\"map-number map-number-other\">{number}</text></g>");
                continue;
            }
            var value = kind.Pick(area.Total);
            var (fill, ink) = value.Value is { } v ? ClassOf(classes, v) : value.IsSuppressed ? ($"url(#{id}-hatch)", "#1c1c1c") : ("#ffffff", "#1c1c1c");
            svg.Append($"<a href=\"{E(link(area))}\" class=\"map-area\"><title>{E($"{area.Number} {area.Name}: {kind.Text(value, report.MinimumCount)}")}</title>")
               .Append($"<path d=\"{shape.Path}\" fill=\"{fill}\" stroke=\"#1c1c1c\" stroke-width=\"1\" fill-rule=\"evenodd\"/>")
               .Append($"<text x=\"{N(shape.LabelX)}\" y=\"{N(shape.LabelY + 5)}\" text-anchor=\"middle\" class=\"map-number\" fill=\"{ink}\">{number}</text></a>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    public static (string Fill, string Ink) ClassOf(IReadOnlyList<MapClass> classes, double value)
    {
        var match = classes.FirstOrDefault(c => value < c.Until) ?? classes[^1];
        return (match.Fill, match.Ink);
    }
}
