using System.Net;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Privacy;

/// <summary>The pages of a person's rights: "Mijn gegevens" and erasing a circle, as a browser uses them.</summary>
public sealed class PrivacyPageTests
{
    [Theory, BothDatabases]
    public async Task My_data_says_what_erasure_does_and_erases_only_with_the_right_password(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var world = await app.PieterWithCirclesAsync();
        var browser = await app.BrowserAsync(PietersWorld.Name);

        var page = await browser.PageAsync("/account/privacy");
        Assert.Contains("Mijn gegevens downloaden (ZIP)", page);
        Assert.Contains($"Uw eigen zorgcirkel ‘{PietersWorld.OwnCircleName}’ wordt met alles erin verwijderd. De andere leden (1)", page);
        Assert.Contains("De coördinatoren (1) krijgen daarover een e-mail.", page);
        Assert.Contains("In de zorgcirkels van anderen (1) blijft wat u schreef staan", page);

        var wrong = await PageForms.PostAsync(browser, "/account/privacy?handler=Erase", [new("Input.Password", "fout")], "/account/privacy");
        Assert.Contains("Dat wachtwoord klopt niet. Er is niets verwijderd.", await wrong.PageAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);

        var right = await PageForms.PostAsync(browser, "/account/privacy?handler=Erase", [new("Input.Password", WehelpenApplication.Password)], "/account/privacy");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/account/erased", right.Headers.Location?.OriginalString);
        Assert.Contains("Uw account en uw gegevens zijn gewist.", await browser.PageAsync("/account/erased"));
        var profile = await browser.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.StartsWith("/account/login", profile.Headers.Location?.PathAndQuery);
        Assert.Empty(await app.FindInDatabaseAsync([PietersWorld.Email]));
    }

    [Fact]
    public async Task My_data_is_for_people_who_are_signed_in()
    {
        await using var app = await WehelpenApplication.StartAsync();
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/account/privacy");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
    }

    [Theory, BothDatabases]
    public async Task A_coordinator_confirms_the_hoofdpersoons_consent_on_the_page(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var carla = await app.BrowserAsync("Carla Coördinator");
        var mo = await app.BrowserAsync("Mo Lid");
        var path = $"/circles/{c.CircleId}/erase";

        Assert.Contains("Jan de Vries weet ervan en stemt ermee in", await carla.PageAsync(path));
        Assert.Equal(HttpStatusCode.Redirect, (await mo.GetAsync(path)).StatusCode); // to access denied: members manage nothing
        var stranger = await app.BrowserAsync("Stan Vreemde");
        Assert.Equal((await stranger.GetAsync($"/circles/{Guid.NewGuid()}/erase")).StatusCode, (await stranger.GetAsync(path)).StatusCode);

        var unconfirmed = await PageForms.PostAsync(carla, path, []);
        Assert.Contains("Verwijder de zorgcirkel alleen als Jan de Vries ermee instemt.", await unconfirmed.PageAsync());

        var confirmed = await PageForms.PostAsync(carla, path, [new("Input.ResidentConsents", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("De zorgcirkel ‘Zorgcirkel van Jan de Vries’ en alles wat erin stond, is verwijderd.", await carla.PageAsync("/circles"));
    }
}
