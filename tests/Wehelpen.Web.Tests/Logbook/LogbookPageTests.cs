using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Logbook;

public sealed class LogbookPageTests
{
    [Theory, BothDatabases]
    public async Task Writing_on_the_page_puts_the_entry_in_the_logbook_for_everyone_in_the_circle(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var mo = await app.BrowserAsync("Mo Lid");
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var logbook = $"/circles/{c.CircleId}/logbook";

        var saved = await PageForms.PostAsync(mo, logbook,
            [new("Input.OccurredOn", "2026-11-20"), new("Input.Text", "Boodschappen gedaan.\nJan was vrolijk."), new("Input.Wellbeing", "Good")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = WebUtility.HtmlDecode(await carla.GetStringAsync(logbook));
        Assert.Contains("Boodschappen gedaan.\nJan was vrolijk.", page);
        Assert.Contains("Geschreven door Mo Lid", page);
        Assert.Contains("gaat goed", page);
        Assert.Contains("datetime=\"2026-11-20\"", page);
        var overview = WebUtility.HtmlDecode(await carla.GetStringAsync($"/circles/{c.CircleId}"));
        Assert.Contains("Laatst in het logboek", overview);
        Assert.Contains("Jan was vrolijk.", overview);
    }

    [Theory, BothDatabases]
    public async Task A_refused_entry_is_shown_back_with_the_message_so_nothing_typed_is_lost(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var mo = await app.BrowserAsync("Mo Lid");
        var text = string.Join(' ', Enumerable.Repeat("Een lang verslag van de dag.", 150)); // 4,349 characters

        var refused = await PageForms.PostAsync(mo, $"/circles/{c.CircleId}/logbook", [new("Input.OccurredOn", "2026-11-20"), new("Input.Text", text)]);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"Dit is te lang: maximaal 4000 tekens, het zijn er nu {text.Length}.", page);
        Assert.Contains(text, page);
        Assert.Contains("value=\"2026-11-20\"", page);
        Assert.Equal(0, (await c.Member.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/logbook")).GetProperty("total").GetInt32());
    }

    [Theory, BothDatabases]
    public async Task Only_the_author_may_open_the_correction_page_and_the_correction_keeps_the_old_text(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var entry = await StrangerTests.WriteEntryAsync(c.Member, c.CircleId);
        using var mo = await app.BrowserAsync("Mo Lid");
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var correct = $"/circles/{c.CircleId}/logbook/{entry}/correct";

        var byOther = await carla.GetAsync(correct);
        Assert.StartsWith("/account/access-denied", byOther.Headers.Location!.AbsolutePath);

        var saved = await PageForms.PostAsync(mo, correct, [new("Input.OccurredOn", "2026-11-20"), new("Input.Text", "Mo was er vrijdag.")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await carla.GetStringAsync($"/circles/{c.CircleId}/logbook");
        Assert.Contains("Mo was er vrijdag.", page);
        Assert.Contains("Verbeterd op", page);
        Assert.Contains("Mo was er.", page);
    }
}
