using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wehelpen.E2E;

/// <summary>Starting and joining care circles through the pages.</summary>
public static class CircleSteps
{
    /// <summary>A carer starts a circle for someone they care for; returns the circle's address.</summary>
    public static async Task<string> StartCircleForAsync(IPage page, string residentName)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn cirkels" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cirkel beginnen" }).ClickAsync();
        await page.GetByLabel("Voor iemand anders, voor wie ik zorg").CheckAsync();
        await page.GetByLabel("Naam van de hoofdpersoon").FillAsync(residentName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Cirkel maken" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De cirkel is gemaakt");
        await Expect(page.Locator(".circle-banner")).ToContainTextAsync($"Zorgcirkel van {residentName}");
        return new Uri(page.Url).AbsolutePath.Replace("/members", "");
    }

    /// <summary>Makes an invitation for one member on the members page and returns its code as shown.</summary>
    public static async Task<string> InviteMemberAsync(IPage page, string circlePath)
    {
        await page.GotoAsync($"{circlePath}/members");
        await page.GetByLabel("Als wat nodigt u uit?").SelectOptionAsync("Member");
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging maken" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De uitnodiging is gemaakt");
        // Newest first: the invitation just made heads the list.
        var invitation = page.Locator("#invitations ~ ul.item-list > li").Filter(new() { HasText = "lid ·" }).First;
        var code = await invitation.Locator(".code").InnerTextAsync();
        Assert.Matches(new Regex("^[A-Z0-9]{4}-[A-Z0-9]{4}$"), code);
        return code;
    }

    /// <summary>Types the code as someone would after hearing it on the phone, checks whose circle it is, and joins.</summary>
    public static async Task JoinWithCodeAsync(IPage page, string code, string residentName, string invitedBy)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Mijn cirkels" }).ClickAsync();
        await page.GetByLabel("Code van de uitnodiging").FillAsync(code.Replace("-", " ").ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging zoeken" }).ClickAsync();

        await Expect(page.GetByText($"Dit is de zorgcirkel rond {residentName}.")).ToBeVisibleAsync();
        await Expect(page.GetByText($"{invitedBy} nodigt u uit als lid.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Meedoen met Zorgcirkel van {residentName}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Welkom in Zorgcirkel van {residentName}.");
    }

    /// <summary>An appointment in the circle's agenda tomorrow (Amsterdam time), 12:00-12:30.</summary>
    public static async Task PlanTomorrowAsync(IPage page, string circle, string title)
    {
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).Date.AddDays(1);
        await page.GotoAsync($"{circle}/agenda/new");
        await page.GetByLabel("Wat is de afspraak?").FillAsync(title);
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync(tomorrow.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Begintijd").FillAsync("12:00");
        await page.GetByLabel("Eindtijd").FillAsync("12:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afspraak opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"De afspraak '{title}' is opgeslagen.");
    }
}
