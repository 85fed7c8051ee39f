namespace Wehelpen.Web.Tests.Localization;

/// <summary>
/// The messages the framework itself writes (a value it cannot read, a tick box's implicit "required") reach a person
/// in their language too, not in the framework's English.
/// </summary>
public sealed class FrameworkMessageTests
{
    [Theory, BothDatabases]
    public async Task A_tick_box_that_cannot_be_read_is_refused_in_Dutch_and_in_English_when_chosen(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var browser = app.CreateClient();

        var login = await browser.PageAsync("/account/login");
        Assert.Contains("data-val-required=\"Vul dit veld in.\"", login);
        Assert.DoesNotContain("field is required", login);
        var dutch = await (await PageForms.PostAsync(browser, "/account/login",
            [new("Input.Email", "lies@example.nl"), new("Input.Password", "geheim"), new("Input.RememberMe", "ja")])).PageAsync();
        Assert.Contains("‘ja’ is hier geen geldige waarde.", dutch);
        Assert.DoesNotContain("is not valid", dutch);

        await PageForms.PostAsync(browser, "/language", [new("language", "en"), new("returnUrl", "/account/login")], formPage: "/account/login");
        Assert.Contains("data-val-required=\"Fill in this field.\"", await browser.PageAsync("/account/login"));
        var english = await (await PageForms.PostAsync(browser, "/account/login",
            [new("Input.Email", "lies@example.nl"), new("Input.Password", "geheim"), new("Input.RememberMe", "yes")])).PageAsync();
        Assert.Contains("‘yes’ is not a valid value here.", english);
    }
}
