using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Live;
using Wehelpen.Web.Tests.Matching;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Chat;

/// <summary>The chat page works without JavaScript: the form posts, the page shows the conversation.</summary>
public sealed partial class ChatPageTests
{
    [Theory, BothDatabases]
    public async Task A_member_writes_on_the_page_and_a_double_click_sends_it_once(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var mo = await app.BrowserAsync("Mo Lid");
        var path = $"/circles/{c.CircleId}/chat";
        var form = await mo.GetStringAsync(path);
        var clientId = ClientId().Match(form).Groups[1].Value;

        KeyValuePair<string, string>[] fields = [new("Message.ClientMessageId", clientId), new("Message.Text", "Ik haal zaterdag de boodschappen.")];
        var sent = await PageForms.PostAsync(mo, path, fields);
        var twice = await PageForms.PostAsync(mo, path, fields);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var page = await carla.PageAsync(path);
        Assert.Single(Regex.Matches(page, "Ik haal zaterdag de boodschappen."));
        Assert.Contains("Mo Lid", page);
        // A fresh id for the next message, so that it is not taken for this one.
        Assert.NotEqual(clientId, ClientId().Match(await mo.GetStringAsync(path)).Groups[1].Value);
    }

    [Theory, BothDatabases]
    public async Task A_refused_message_stays_in_the_form_with_the_reason(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var mo = await app.BrowserAsync("Mo Lid");
        var path = $"/circles/{c.CircleId}/chat";
        var text = "Lang verhaal. " + new string('x', 2000);

        var refused = await PageForms.PostAsync(mo, path, [new("Message.ClientMessageId", "form-1"), new("Message.Text", text)]);

        var page = await refused.PageAsync();
        Assert.Contains("Dit is te lang: maximaal 2000 tekens, het zijn er nu 2014.", page);
        Assert.Contains(text + "</textarea>", page);
        Assert.Contains("Er zijn nog geen berichten.", page);
    }

    [Theory, BothDatabases]
    public async Task The_newest_messages_show_first_and_older_ones_are_a_page_back(DatabaseProvider provider)
    {
        await using var app = await LiveSteps.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        await using var carla = await app.ConnectAsync("Carla Coördinator");
        for (var i = 1; i <= 55; i++) await carla.SendChatAsync(LiveSteps.Circle(c.CircleId), $"Bericht nummer {i}.");
        using var mo = await app.BrowserAsync("Mo Lid");

        var newest = await mo.PageAsync($"/circles/{c.CircleId}/chat");
        var older = await mo.PageAsync($"/circles/{c.CircleId}/chat?before=6");

        Assert.Contains("Bericht nummer 55.", newest);
        Assert.Contains("Bericht nummer 6.", newest);
        Assert.DoesNotContain("Bericht nummer 5.", newest);
        Assert.Contains($"href=\"/circles/{c.CircleId}/chat?before=6\"", newest);
        Assert.Equal(["Bericht nummer 1.", "Bericht nummer 2.", "Bericht nummer 3.", "Bericht nummer 4.", "Bericht nummer 5."],
            Regex.Matches(older, "Bericht nummer \\d+\\.").Select(m => m.Value).ToArray());
        Assert.Contains("Naar de nieuwste berichten", older);
        // Reading the newest page read them all.
        Assert.Contains("data-unread-count>0<", await mo.PageAsync("/circles"));
    }

    [Theory, BothDatabases]
    public async Task The_helper_and_the_circle_talk_on_the_request_pages_and_other_members_do_not_see_it(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (veraApi, _) = await app.VolunteerAsync("Vera Buurvrouw", "1055 KL");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.OK, (await veraApi.ActAsync(requestId, "claim")).StatusCode);
        using var vera = await app.BrowserAsync("Vera Buurvrouw");
        using var carla = await app.BrowserAsync("Carla Coördinator");
        using var mo = await app.BrowserAsync("Mo Lid");
        var circlePage = $"/circles/{c.CircleId}/requests/{requestId}";

        var sent = await PageForms.PostAsync(vera, $"/help/{requestId}?handler=chat",
            [new("Message.ClientMessageId", "page-1"), new("Message.Text", "Ik bel even aan om tien uur.")], formPage: $"/help/{requestId}");
        var reply = await PageForms.PostAsync(carla, $"{circlePage}?handler=chat",
            [new("Message.ClientMessageId", "page-2"), new("Message.Text", "Prima, de bel doet het.")], formPage: circlePage);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        var atVera = await vera.PageAsync($"/help/{requestId}");
        Assert.Contains("Gesprek over deze hulpvraag", atVera);
        Assert.Contains("Prima, de bel doet het.", atVera);
        var atCarla = await carla.PageAsync(circlePage);
        Assert.Contains("Gesprek met Vera Buurvrouw", atCarla);
        Assert.Contains("Ik bel even aan om tien uur.", atCarla);
        var atMo = await mo.PageAsync(circlePage);
        Assert.DoesNotContain("Ik bel even aan", atMo);
        Assert.DoesNotContain("Gesprek met", atMo);
    }

    [Theory, BothDatabases]
    public async Task The_thread_forms_are_refused_to_anyone_they_are_not_for(DatabaseProvider provider)
    {
        var (app, _) = await MatchingSteps.StartAsync(provider, waveSize: 1);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (basApi, _) = await app.VolunteerAsync("Bas Buur", "1056 AB");
        await app.VolunteerAsync("Cor Dichtbij", "1061 AB");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await app.SweepAsync(); // one volunteer a wave: Bas, the nearest
        using var bas = await app.BrowserAsync("Bas Buur");
        using var cor = await app.BrowserAsync("Cor Dichtbij");
        using var stan = await app.BrowserAsync("Stan Vreemde");
        using var mo = await app.BrowserAsync("Mo Lid");

        Assert.Equal(HttpStatusCode.OK, (await basApi.ActAsync(requestId, "claim")).StatusCode);
        KeyValuePair<string, string>[] message = [new("Message.ClientMessageId", "sneaky-1"), new("Message.Text", "Ik lees mee")];
        foreach (var (who, browser, formPage) in new[] { ("Cor", cor, "/help"), ("Stan", stan, $"/circles/{c.OtherCircleId}") })
        {
            var theirs = await PageForms.PostAsync(browser, $"/help/{requestId}?handler=chat", message, formPage);
            var madeUp = await PageForms.PostAsync(browser, $"/help/{Guid.NewGuid()}?handler=chat", message, formPage);
            Assert.True(theirs.StatusCode == HttpStatusCode.NotFound && madeUp.StatusCode == HttpStatusCode.NotFound, who);
        }
        var circlePage = $"/circles/{c.CircleId}/requests/{requestId}";
        var byStranger = await PageForms.PostAsync(stan, $"{circlePage}?handler=chat", message, $"/circles/{c.OtherCircleId}");
        Assert.StartsWith("/account/access-denied", byStranger.Headers.Location!.AbsolutePath);
        var byMember = await PageForms.PostAsync(mo, $"{circlePage}?handler=chat", message, circlePage);
        Assert.Contains("Dit gesprek bestaat niet, of het is niet voor u.", await byMember.PageAsync());

        var thread = await c.Coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{requestId}/chat");
        Assert.Empty(thread.GetProperty("messages").EnumerateArray());
    }

    [GeneratedRegex("name=\"Message.ClientMessageId\" value=\"([^\"]+)\"")]
    private static partial Regex ClientId();
}
