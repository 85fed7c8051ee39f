using System.Net;
using System.Text.RegularExpressions;

namespace Wehelpen.Web.Tests;

/// <summary>Submits a page's form the way a browser does: with the antiforgery token from the page and the cookies.</summary>
public static partial class PageForms
{
    /// <param name="formPage">The page that shows the form, when it is not <paramref name="path"/> itself.</param>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        var page = await client.GetAsync(formPage ?? path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {path}");
        var form = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// <summary>A page that must be shown (200), as the person reads it: with the HTML entities decoded.</summary>
    public static async Task<string> PageAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The page a form post answered with (200: shown again, with its messages), entities decoded.</summary>
    public static async Task<string> PageAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The antiforgery token the layout of a signed-in page gives its scripts, for the API calls they make with the
    /// login cookie (header <c>RequestVerificationToken</c>).
    /// </summary>
    public static async Task<string> ApiTokenAsync(HttpClient client, string page = "/circles")
    {
        var html = await client.GetStringAsync(page);
        var token = MetaToken().Match(html);
        Assert.True(token.Success, $"No request-verification-token on {page}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("<meta name=\"request-verification-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
