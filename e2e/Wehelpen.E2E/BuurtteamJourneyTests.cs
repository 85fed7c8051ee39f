using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Requests;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

public sealed class BuurtteamJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Address = "Bos en Lommerweg 7";

    [Fact]
    public async Task A_professional_approved_for_the_gebied_takes_on_a_request_nobody_in_the_neighbourhood_picked_up()
    {
        // Petra works for the buurtteam of Bos en Lommer and asks for that gebied.
        var petra = await browser.NewPageAsync();
        var petraPerson = await AccountSteps.SignedInPersonAsync(petra, "Petra Buurtteam");
        await petra.GotoAsync("/profile");
        await petra.GetByLabel("Ik werk in een buurtteam (professional)").CheckAsync();
        await petra.GetByRole(AriaRole.Button, new() { Name = "Profiel opslaan" }).ClickAsync();
        // A professional sees many people's data: she must sign in in two steps before she goes on.
        await Expect(petra).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/two-step"));
        await AccountSteps.SetUpTwoStepAsync(petra);
        await Expect(petra).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/profile"));
        await petra.GetByRole(AriaRole.Link, new() { Name = "Mijn gebieden" }).ClickAsync();
        await petra.GetByLabel("Organisatie").FillAsync("Buurtteam Amsterdam West");
        await petra.GetByLabel("Bos en Lommer").CheckAsync();
        await petra.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(petra.GetByRole(AriaRole.Main)).ToContainTextAsync("Bos en Lommer (West): wacht op goedkeuring");

        // Carla asks the neighbourhood; nobody there takes it on, and the clock brings it to the buurtteam.
        var carla = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(carla, "Carla Mantelzorg");
        var circle = await CircleSteps.StartCircleForAsync(carla, "Moeder Els");
        await carla.GotoAsync($"{circle}/requests/new");
        await RequestSteps.AskTheNeighbourhoodAsync(carla, "Boodschappen voor moeder", 3, "Brood en melk.", Address);
        await EscalatedAsync("Boodschappen voor moeder");

        // Not yet approved: the buurtteam's list stays empty for Petra.
        await petra.GotoAsync("/help/escalated");
        await Expect(petra.GetByRole(AriaRole.Main)).ToContainTextAsync("Een beheerder moet uw gebieden nog goedkeuren.");

        // An administrator approves Bos en Lommer for her.
        var ada = await browser.NewPageAsync();
        var adaPerson = await AccountSteps.SignedInPersonAsync(ada, "Ada Beheer");
        await AccountSteps.MakeAdministratorAsync(browser.Server, adaPerson.Email);
        await AccountSteps.LogInAsync(ada, adaPerson);
        await AccountSteps.SetUpTwoStepAsync(ada);
        await ada.GetByRole(AriaRole.Link, new() { Name = "Professionals" }).ClickAsync();
        await ada.GetByRole(AriaRole.Button, new() { Name = "Petra Buurtteam goedkeuren voor Bos en Lommer" }).ClickAsync();
        await Expect(ada.GetByRole(AriaRole.Status)).ToHaveTextAsync("De professional ziet het gebied nu.");

        await petra.GetByRole(AriaRole.Link, new() { Name = "Buurtteam", Exact = true }).ClickAsync();
        var list = petra.GetByRole(AriaRole.Main);
        await Expect(list).ToContainTextAsync("Uw gebieden: Bos en Lommer.");
        await Expect(list).ToContainTextAsync("op het buurtteam");
        await Expect(list).ToContainTextAsync("gebied Bos en Lommer, stadsdeel West");
        await petra.GetByRole(AriaRole.Link, new() { Name = "Boodschappen voor moeder" }).ClickAsync();
        await Expect(list).Not.ToContainTextAsync(Address);
        await petra.GetByRole(AriaRole.Button, new() { Name = "Ik help" }).ClickAsync();
        await Expect(petra.GetByRole(AriaRole.Status)).ToContainTextAsync("Dank u wel!");
        await Expect(list).ToContainTextAsync(Address);

        await carla.GotoAsync($"{circle}/logbook");
        await Expect(carla.GetByRole(AriaRole.Main)).ToContainTextAsync($"{petraPerson.Name} heeft ‘Boodschappen voor moeder’ opgepakt.");
    }

    /// <summary>Moves the app's clock on in steps, sweeping each time as the background service would, until the request is with the buurtteam.</summary>
    private async Task EscalatedAsync(string title)
    {
        for (var step = 0; step < 16; step++)
        {
            browser.Server.Clock.MoveTo(browser.Server.Clock.GetUtcNow().AddHours(3));
            await browser.Server.SweepAsync();
            await using var scope = browser.Server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WehelpenDbContext>();
            if (await db.Set<HelpRequest>().AnyAsync(r => r.Title == title && r.EscalatedAt != null)) return;
        }
        throw new InvalidOperationException($"'{title}' did not reach the buurtteam within two days.");
    }
}
