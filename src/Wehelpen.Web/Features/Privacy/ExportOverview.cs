using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Privacy;

/// <summary>
/// The export's readable overview (overzicht.html): what each file holds, and every row as a table, in the person's
/// language, for someone who opens the ZIP and not a program. A file on their own computer: the page's own style.
/// </summary>
public sealed class ExportOverview(IStringLocalizer<SharedResource> text)
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Columns = new();
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public async Task WriteAsync(Stream output, IReadOnlyList<(ExportSection Section, int Count)> sections, string name, string language,
        DateTimeOffset madeAt, CancellationToken ct)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(Localization.LocalizationExtensions.Normalise(language));
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 32 * 1024);
        await w.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(text["Export.Title"])}</title>
            <style>body{"{"}font:1.05rem/1.5 system-ui,sans-serif;max-width:70rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a{"}"}
            table{"{"}border-collapse:collapse;width:100%;margin:.5rem 0 2rem{"}"}th,td{"{"}border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top{"}"}
            th{"{"}background:#eef3f6{"}"}td{"{"}white-space:pre-wrap;overflow-wrap:anywhere{"}"}.scroll{"{"}overflow-x:auto{"}"}</style></head><body>
            <h1>{E(text["Export.Title"])}</h1>
            <p>{E(text["Export.Intro", name, madeAt.ToAmsterdam().ToString("d MMMM yyyy HH:mm")])}</p>
            <h2>{E(text["Export.Contents"])}</h2><ul>
            """);
        foreach (var (section, count) in sections)
            await w.WriteAsync($"""<li><a href="#{section.Name}">{E(Title(section))}</a>: {count} · <code>{section.Name}.json</code></li>""");
        await w.WriteAsync($"</ul><p>{E(text["Export.Files"])}</p>");

        foreach (var (section, count) in sections)
        {
            await w.WriteAsync($"""<h2 id="{section.Name}">{E(Title(section))} ({count})</h2>""");
            if (count == 0)
            {
                await w.WriteAsync($"<p>{E(text["Export.Nothing"])}</p>");
                continue;
            }
            var headed = false;
            await foreach (var row in section.Rows(ct).WithCancellation(ct))
            {
                var properties = Columns.GetOrAdd(row.GetType(), t => t.GetProperties());
                if (!headed)
                {
                    await w.WriteAsync("""<div class="scroll"><table><thead><tr>""");
                    foreach (var p in properties) await w.WriteAsync($"""<th scope="col">{E(Label(p.Name))}</th>""");
                    await w.WriteAsync("</tr></thead><tbody>");
                    headed = true;
                }
                await w.WriteAsync("<tr>");
                foreach (var p in properties) await w.WriteAsync($"<td>{E(Shown(p.GetValue(row)))}</td>");
                await w.WriteAsync("</tr>");
            }
            await w.WriteAsync("</tbody></table></div>");
        }
        await w.WriteAsync("</body></html>");
    }

    public string Title(ExportSection section) => text[$"Export.Section.{section.Name}"];

    /// <summary>A column's heading; the property's own name when no text was written for it.</summary>
    public string Label(string property)
    {
        var label = text[$"Export.Field.{property}"];
        return label.ResourceNotFound ? property : label.Value;
    }

    private string Shown(object? value) => value switch
    {
        null => "–",
        DateTimeOffset at => at.ToAmsterdam().ToString("d MMMM yyyy HH:mm"),
        DateOnly day => day.ToString("d MMMM yyyy"),
        TimeOnly time => time.ToString("HH:mm"),
        bool yes => yes ? text["Export.Yes"] : text["Export.No"],
        double d => d.ToString("0.###"),
        IFormattable f => f.ToString(null, CultureInfo.CurrentCulture),
        _ => value.ToString() ?? "",
    };

    private static string E(string s) => Html.Encode(s);
}
