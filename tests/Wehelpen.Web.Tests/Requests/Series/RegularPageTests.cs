using System.Net;
using Microsoft.EntityFrameworkCore;
using Wehelpen.Web.Features.Requests.Series.Regulars;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Requests.Series;

/// <summary>The regular volunteer in the browser: offering on the request's page, the circle's answer, the volunteer's list.</summary>
public sealed class RegularPageTests
{
    [Theory, BothDatabases]
    public async Task Vera_offers_tuesdays_on_the_page_the_carer_accepts_on_the_circles_page_and_vera_ends_it_on_her_list(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var first = (await app.VeraHelpsWithTheFirstAsync(c, new { frequency = "weekly", days = new[] { "tuesday", "thursday" }, times = 8 })).First;
        using var vera = await app.BrowserAsync("Vera Vrijwilliger");

        Assert.Contains("Vaker helpen?", await vera.PageAsync($"/help/{first}"));
        var offerPage = $"/help/{first}/regular";
        var form = await vera.PageAsync(offerPage);
        Assert.Contains("<legend>Op welke dagen wilt u helpen?</legend>", form);

        var none = await PageForms.PostAsync(vera, offerPage, []);
        Assert.Contains("Kies minstens één dag.", await none.PageAsync());
        Assert.Equal(0, await app.QueryAsync(db => db.Set<RegularVolunteer>().CountAsync()));

        var offered = await PageForms.PostAsync(vera, offerPage, [new("Input.Days", "Tuesday")]);
        Assert.Equal(($"/help/{first}", HttpStatusCode.Redirect), (offered.Headers.Location!.OriginalString, offered.StatusCode));
        var request = await vera.PageAsync($"/help/{first}");
        Assert.Contains("De cirkel krijgt uw aanbod", request);
        Assert.Contains("elke dinsdag", request);

        // The circle's page of the occurrence points to the offer; a plain member reads it without the answer buttons.
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var circleRequest = await carla.PageAsync($"/circles/{c.CircleId}/requests/{first}");
        Assert.Contains("Vera Vrijwilliger biedt aan dit vast te doen (elke dinsdag).", circleRequest);
        var regularId = await app.QueryAsync(db => db.Set<RegularVolunteer>().Select(r => r.Id).SingleAsync());
        var path = $"/circles/{c.CircleId}/regulars/{regularId}";
        using var mo = await app.BrowserAsync("Mo Lid");
        var read = await mo.PageAsync(path);
        Assert.DoesNotContain("Aannemen", read);
        Assert.Contains("Alleen wie de hulp vroeg", read);

        var accepted = await PageForms.PostAsync(carla, $"{path}?handler=Accept", [], formPage: path);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("Vera Vrijwilliger is nu de vaste vrijwilliger; 3 open keer/keren staan nu op naam van Vera Vrijwilliger.", await carla.PageAsync(path));

        var mine = await vera.PageAsync(RegularPaths.Mine);
        Assert.Contains("Vaste vrijwilliger sinds", mine);
        // Her Tuesdays still to come go back: the three handed over and the one she had taken on herself.
        var ended = await PageForms.PostAsync(vera, $"{RegularPaths.Mine}?handler=End&regularId={regularId}", [], formPage: RegularPaths.Mine);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("De vaste afspraak is beëindigd. 4 keer/keren gaan terug naar de cirkel.", await vera.PageAsync(RegularPaths.Mine));
        Assert.Contains("Gestopt door de vrijwilliger", await carla.PageAsync(path));
    }

    [Theory, BothDatabases]
    public async Task Another_volunteer_another_circle_and_a_made_up_id_get_the_same_404_on_every_page(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (veraApi, _, _, first) = await app.VeraHelpsWithTheFirstAsync(c, new { frequency = "weekly", days = new[] { "tuesday" }, times = 3 });
        await app.VolunteerAsync("Wim Wijkbewoner");
        var regularId = (await veraApi.OfferAsync(first)).GetProperty("id").GetGuid();
        var madeUp = Guid.NewGuid();

        using var wim = await app.BrowserAsync("Wim Wijkbewoner");
        Assert.Equal(HttpStatusCode.NotFound, (await wim.GetAsync($"/help/{first}/regular")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wim.GetAsync($"/help/{madeUp}/regular")).StatusCode);
        Assert.DoesNotContain("Vera", await wim.PageAsync(RegularPaths.Mine));
        var endForeign = await PageForms.PostAsync(wim, $"{RegularPaths.Mine}?handler=End&regularId={regularId}", [], formPage: RegularPaths.Mine);
        Assert.Equal(HttpStatusCode.NotFound, endForeign.StatusCode);

        // The stranger's own circle does not show another circle's arrangement; the real id and a made-up one look the same.
        using var stranger = await app.BrowserAsync("Stan Vreemde");
        foreach (var id in new[] { regularId, madeUp })
        {
            var own = $"/circles/{c.OtherCircleId}/regulars/{id}";
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(own)).StatusCode);
        }
        var theirs = $"/circles/{c.CircleId}/regulars/{regularId}";
        var otherCircle = await stranger.GetAsync(theirs);
        var madeUpCircle = await stranger.GetAsync($"/circles/{Guid.NewGuid()}/regulars/{regularId}");
        Assert.Equal(madeUpCircle.StatusCode, otherCircle.StatusCode);
        Assert.Equal(RegularStatus.Offered, await app.QueryAsync(db => db.Set<RegularVolunteer>().Select(r => r.Status).SingleAsync()));
    }
}
