using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

public sealed class CircleJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_carer_starts_a_circle_invites_a_neighbour_by_code_and_both_see_the_same_appointment()
    {
        var carla = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(carla, "Carla Dochter");
        var circle = await CircleSteps.StartCircleForAsync(carla, "Vader Jan");
        var code = await CircleSteps.InviteMemberAsync(carla, circle);

        // The neighbour in a browser of her own, with the code she was told over the phone.
        var els = await browser.NewPageAsync();
        await AccountSteps.SignedInPersonAsync(els, "Els Buur");
        await CircleSteps.JoinWithCodeAsync(els, code, "Vader Jan", "Carla Dochter");

        var nextWeek = DateTime.Today.AddDays(7).ToString("yyyy-MM-dd");
        await carla.GotoAsync(circle);
        await carla.GetByRole(AriaRole.Link, new() { Name = "Agenda", Exact = true }).ClickAsync();
        await carla.GetByRole(AriaRole.Link, new() { Name = "Nieuwe afspraak" }).ClickAsync();
        await carla.GetByLabel("Wat is de afspraak?").FillAsync("Naar de cardioloog");
        await carla.GetByLabel("Datum", new() { Exact = true }).FillAsync(nextWeek);
        await carla.GetByLabel("Begintijd").FillAsync("10:00");
        await carla.GetByLabel("Eindtijd").FillAsync("11:15");
        await carla.GetByLabel("Waar", new() { Exact = true }).FillAsync("OLVG Oost");
        await carla.GetByRole(AriaRole.Button, new() { Name = "Afspraak opslaan" }).ClickAsync();
        await Expect(carla.GetByRole(AriaRole.Status)).ToContainTextAsync("De afspraak 'Naar de cardioloog' is opgeslagen.");

        await els.GetByRole(AriaRole.Link, new() { Name = "Agenda", Exact = true }).ClickAsync();
        var appointment = els.Locator("li.occurrence").Filter(new() { HasText = "Naar de cardioloog" });
        await Expect(appointment).ToContainTextAsync("10:00");
        await Expect(appointment).ToContainTextAsync("11:15");
        await Expect(appointment).ToContainTextAsync("OLVG Oost");
        await appointment.GetByRole(AriaRole.Button, new() { Name = "Ik ga mee" }).ClickAsync();

        await carla.ReloadAsync();
        await Expect(carla.Locator("li.occurrence").Filter(new() { HasText = "Naar de cardioloog" })).ToContainTextAsync("Gaat mee: Els Buur");
    }
}
