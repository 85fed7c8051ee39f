using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

public sealed class RequestJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Address = "Bos en Lommerweg 101-2";

    [Fact]
    public async Task A_carer_asks_the_neighbourhood_and_a_volunteer_nearby_takes_it_on_does_it_and_the_circle_reads_it_in_the_logbook()
    {
        var carla = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(carla, "Carla Dochter");
        var circle = await CircleSteps.StartCircleForAsync(carla, "Vader Jan");

        await carla.GotoAsync(circle);
        await carla.GetByRole(AriaRole.Link, new() { Name = "Hulpvragen", Exact = true }).ClickAsync();
        await carla.GetByRole(AriaRole.Link, new() { Name = "Vraag om hulp" }).First.ClickAsync();
        await RequestSteps.AskTheNeighbourhoodAsync(carla, "Boodschappen voor vader", 2, "Melk, brood en koffie bij de supermarkt.", Address);

        // A volunteer a street away, in a browser of her own.
        var vera = await browser.NewPageAsync();
        await RequestSteps.VolunteerNearbyAsync(vera, "Vera Buurvrouw");

        await RequestSteps.OpenNearbyAsync(vera, "Boodschappen voor vader");
        var main = vera.GetByRole(AriaRole.Main);
        await Expect(main).ToContainTextAsync("Vader");
        await Expect(main).ToContainTextAsync("1055");
        await Expect(main).Not.ToContainTextAsync(Address);
        await Expect(main).Not.ToContainTextAsync("Carla");

        await vera.GetByRole(AriaRole.Button, new() { Name = "Ik help" }).ClickAsync();
        await Expect(vera.GetByRole(AriaRole.Status)).ToContainTextAsync("Dank u wel!");
        await Expect(main).ToContainTextAsync(Address);
        await Expect(main).ToContainTextAsync("Carla Dochter");

        await vera.GetByRole(AriaRole.Button, new() { Name = "Het is gedaan" }).ClickAsync();
        await Expect(vera.GetByRole(AriaRole.Status)).ToContainTextAsync("Dank u wel voor uw hulp!");
        await Expect(main).Not.ToContainTextAsync(Address);

        await carla.GotoAsync($"{circle}/logbook");
        await Expect(carla.GetByRole(AriaRole.Main)).ToContainTextAsync("Vera Buurvrouw heeft ‘Boodschappen voor vader’ opgepakt.");
        await Expect(carla.GetByRole(AriaRole.Main)).ToContainTextAsync("‘Boodschappen voor vader’ is gedaan (afgemeld door Vera Buurvrouw).");
    }
}
