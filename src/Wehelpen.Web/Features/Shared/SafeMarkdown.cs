using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Wehelpen.Web.Features.Shared;

/// <summary>
/// Markdown that members write, turned into HTML that is safe to show to the other members: whatever one person
/// types, no script of theirs runs in someone else's browser. Two lines of defence: Markdig does not pass raw HTML
/// through (it shows it as text), and the sanitizer then keeps only the few tags Markdown produces and only links to
/// http, https, mailto and tel. Anything that shows members' Markdown (notes, chat, requests) goes through here.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        // People who never heard of Markdown press Enter for a new line and expect to see one.
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var node in document.Descendants())
        {
            // The page has its own h1 (the title): "# Kop" in the text becomes an h2, so the outline stays right.
            if (node is HeadingBlock heading) heading.Level = Math.Min(heading.Level + 1, 6);
            // Pictures from elsewhere would tell a stranger's server who reads the page and when: shown as a link.
            if (node is LinkInline { IsImage: true } image) image.IsImage = false;
        }
        return Clean(document.ToHtml(Pipeline));
    }

    /// <summary>The second line on its own: safe even if Markdig one day let raw HTML through.</summary>
    internal static string Clean(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "strong", "em", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote", "hr",
                "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        });
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement { LocalName: "a" } link) return;
            // Links to elsewhere get no say over this page (noopener) and no credit from it (nofollow), nor see
            // which page of which circle the reader came from (noreferrer).
            link.SetAttribute("rel", "nofollow noopener noreferrer");
        };
        return sanitizer;
    }
}
