using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Features.Areas;

namespace Wehelpen.Web.Features.Neighbourhoods.Figures;

/// <summary>
/// Every figure per gebied and week, then each gebied's period, then all gebieden together: as Dutch Excel opens a
/// file by double-click, UTF-8 with a byte-order mark, ";" between fields and a decimal comma, whatever the page's
/// language (only the headings follow it). A small count reads "&lt;5", a count hidden so that it cannot be worked back
/// "x", and a figure with nothing to work out is empty.
/// </summary>
public static class FiguresCsv
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static byte[] Write(FiguresReport report, IStringLocalizer<SharedResource> text)
    {
        var csv = new StringBuilder();
        Line(csv, [text["Figures.Csv.AreaCode"], text["Figures.Csv.Area"], text["Figures.Csv.Stadsdeel"], text["Figures.Csv.Week"], text["Figures.Csv.Monday"],
            text["Figures.Asked"], text["Figures.Claimed"], text["Figures.Csv.Within24"], text["Figures.Csv.MedianHours"],
            text["Figures.Confirmed"], text["Figures.Volunteers"], text["Figures.PerVolunteer"]]);
        foreach (var area in report.Areas)
            foreach (var week in area.Weeks)
                Row(csv, area.Code, area.Name, area.Stadsdeel, week.Week, week.Monday.ToString("yyyy-MM-dd"), week.Figures);
        var period = text["Figures.Csv.Period", report.From.ToString("yyyy-MM-dd"), report.Until.ToString("yyyy-MM-dd")];
        foreach (var area in report.Areas) Row(csv, area.Code, area.Name, area.Stadsdeel, period, "", area.Total);
        var all = text["Figures.AllMyAreas"];
        foreach (var week in report.TotalWeeks) Row(csv, "", all, "", week.Week, week.Monday.ToString("yyyy-MM-dd"), week.Figures);
        Row(csv, "", all, "", period, "", report.Total);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Row(StringBuilder csv, string code, string name, string stadsdeel, string week, string monday, FigureSet f) =>
        Line(csv, [code, name, stadsdeel, week, monday,
            Cell(f.Asked), Cell(f.Claimed), Cell(f.ClaimedWithin24Hours, 100, "0.0"), Cell(f.MedianHoursToClaim, 1, "0.0"),
            Cell(f.ConfirmedHelp), Cell(f.ActiveVolunteers), Cell(f.RequestsPerVolunteer, 1, "0.00")]);

    public static string Cell(FigureValue value, double factor = 1, string format = "0") => value switch
    {
        { Suppressed: FigureValue.Small } => "<5",
        { Suppressed: not null } => "x",
        { Value: { } v } => (v * factor).ToString(format, Dutch),
        _ => "",
    };

    private static void Line(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(';', fields.Select(Quote))).Append("\r\n");

    private static string Quote(string field) =>
        field.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
