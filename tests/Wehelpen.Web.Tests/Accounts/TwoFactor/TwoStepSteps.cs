using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts.TwoFactor;

namespace Wehelpen.Web.Tests.Accounts.TwoFactor;

/// <summary>
/// Two-step sign-in as a person does it, with the code their app would show computed here from the key (RFC 6238,
/// <see cref="Totp"/>; the app checks it with Identity's own provider). The login helpers use these, so that
/// professionals and administrators, who must have it, are set up as they sign in.
/// </summary>
public static partial class TwoStepSteps
{
    public const string StatusPath = "/api/v1/account/two-factor";

    public static string CodeNow(string key) => Totp.CodeAt(key, DateTimeOffset.UtcNow);

    /// <summary>A code that is not the app's now (nor within the minutes either side that Identity accepts).</summary>
    public static string WrongCode(string key)
    {
        var near = Enumerable.Range(-3, 7).Select(i => Totp.CodeAt(key, DateTimeOffset.UtcNow.AddSeconds(30 * i))).ToHashSet();
        return Enumerable.Range(0, 20).Select(i => $"{(123456 + i * 37) % 1_000_000:D6}").First(c => !near.Contains(c));
    }

    /// <summary>The key Identity keeps for the person (what their app holds), straight from the database.</summary>
    public static async Task<string?> AuthenticatorKeyAsync(this WehelpenApplication app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is null ? null : await users.GetAuthenticatorKeyAsync(user);
    }

    public static async Task<JsonElement> TwoStepStatusAsync(this HttpClient client)
    {
        var response = await client.GetAsync(StatusPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<bool> MustSetUpTwoStepAsync(this HttpClient client)
    {
        var status = await client.TwoStepStatusAsync();
        return status.GetProperty("required").GetBoolean() && !status.GetProperty("enabled").GetBoolean();
    }

    /// <summary>Through the API: the key, the first code, and the recovery codes it answers with.</summary>
    public static async Task<(string Key, string[] RecoveryCodes)> SetUpTwoStepAsync(this HttpClient client)
    {
        var setup = await client.GetAsync($"{StatusPath}/setup");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var key = (await setup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharedKey").GetString()!;
        var enabled = await client.PostAsJsonAsync($"{StatusPath}/enable", new { code = CodeNow(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await enabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToArray();
        return (key, codes);
    }

    /// <summary>Through the settings page: reads the key as the page shows it, and types the first code.</summary>
    public static async Task<string> SetUpTwoStepOnPageAsync(HttpClient browser)
    {
        var html = await browser.PageAsync(TwoFactorRequirement.SetupPath);
        var key = KeyOnPage(html);
        var enabled = await PageForms.PostAsync(browser, $"{TwoFactorRequirement.SetupPath}?handler=Enable", [new("Enable.Code", CodeNow(key))],
            formPage: TwoFactorRequirement.SetupPath);
        Assert.Contains("Klaar: inloggen in twee stappen staat aan.", await enabled.PageAsync());
        return key;
    }

    public static string KeyOnPage(string html)
    {
        var match = Key().Match(html);
        Assert.True(match.Success, "No key on the set-up page");
        return match.Groups[1].Value.Replace(" ", "");
    }

    /// <summary>
    /// After a browser's password step: the code when the login page sent it on to the second step, and the set-up
    /// when the person must have it and has not.
    /// </summary>
    public static async Task CompleteBrowserLoginAsync(this WehelpenApplication app, HttpClient browser, string email, HttpResponseMessage login)
    {
        var landedOn = login.StatusCode == HttpStatusCode.Redirect ? login.Headers.Location?.OriginalString : login.RequestMessage?.RequestUri?.PathAndQuery;
        if (landedOn?.StartsWith("/account/login/two-step", StringComparison.Ordinal) == true)
        {
            var key = await app.AuthenticatorKeyAsync(email) ?? throw new InvalidOperationException($"{email} has no key.");
            var code = await PageForms.PostAsync(browser, landedOn, [new("Input.Code", CodeNow(key))]);
            Assert.True(code.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Second step of {email}: {code.StatusCode}");
        }
        if (await browser.MustSetUpTwoStepAsync()) await SetUpTwoStepOnPageAsync(browser);
    }

    [GeneratedRegex("""class="code two-step-key"[^>]*>([A-Z2-7 ]+)<""")]
    private static partial Regex Key();
}
