using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Wehelpen.Web.Tests;

/// <summary>Checks that an API error is a ProblemDetails body a person (or an app) can act on.</summary>
public static partial class ProblemAssert
{
    /// <summary>
    /// The body without its per-request traceId: what is left must be the same for a thing that exists elsewhere and
    /// one that does not exist at all, or the answer would tell a stranger which is which.
    /// </summary>
    public static async Task<string> ComparableBodyAsync(HttpResponseMessage response) =>
        TraceId().Replace(await response.Content.ReadAsStringAsync(), "");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Buffered, so that a test can look at the same body more than once.
        await response.Content.LoadIntoBufferAsync();
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", body.ToString()); // no stack trace
        return body;
    }

    /// <summary>The messages for one field of a validation problem.</summary>
    public static async Task<string[]> FieldErrorsAsync(HttpResponseMessage response, string field)
    {
        var body = await IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body.TryGetProperty("errors", out var errors), $"No field errors in {body}");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {errors}");
        return messages.EnumerateArray().Select(m => m.GetString()!).ToArray();
    }
}
