using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Live;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Chat;

/// <summary>Chat messages are limited per person, with one allowance for the API, the pages and the hub together.</summary>
public sealed class ChatRateLimitTests
{
    private const string TooMany = "U heeft in korte tijd veel berichten gestuurd. U kunt het over een minuut weer proberen.";

    [Theory, BothDatabases]
    public async Task The_API_and_the_hub_share_one_allowance_per_person_and_the_hub_refuses_with_a_HubException(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider, new(LiveSteps.Settings) { ["RateLimits:ChatMessagesPerMinute"] = "3" });
        var c = await app.TwoCirclesAsync();
        var chat = $"/api/v1/circles/{c.CircleId}/chat";
        await using var mo = await app.ConnectAsync("Mo Lid");
        await using var moInEnglish = await app.ConnectAsync("Mo Lid", "en");
        await using var carla = await app.ConnectAsync("Carla Coördinator");

        Assert.Equal(HttpStatusCode.OK, (await c.Member.PostAsJsonAsync(chat, new { clientMessageId = "m-1", text = "Een" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Member.PostAsJsonAsync(chat, new { clientMessageId = "m-2", text = "Twee" })).StatusCode);
        await mo.SendChatAsync(LiveSteps.Circle(c.CircleId), "Drie");
        var overHub = await mo.RefusedAsync("SendChat", LiveSteps.Circle(c.CircleId), new { clientMessageId = "m-4", text = "Vier" });
        var inEnglish = await moInEnglish.RefusedAsync("SendChat", LiveSteps.Circle(c.CircleId), new { clientMessageId = "m-5", text = "Five" });
        var overApi = await c.Member.PostAsJsonAsync(chat, new { clientMessageId = "m-6", text = "Zes" });

        Assert.Equal(TooMany, overHub);
        Assert.Equal("You have sent many messages in a short time. You can try again in a minute.", inEnglish);
        Assert.Equal(TooMany, await RateLimitAssert.IsLimitedAsync(overApi));
        // Someone else in the same circle is not held up, over the hub or the API.
        await carla.SendChatAsync(LiveSteps.Circle(c.CircleId), "Ik wel");
        Assert.Equal(HttpStatusCode.OK, (await c.Coordinator.PostAsJsonAsync(chat, new { clientMessageId = "c-2", text = "En nog eens" })).StatusCode);
        var page = await c.Coordinator.GetFromJsonAsync<JsonElement>(chat);
        Assert.Equal(["Een", "Twee", "Drie", "Ik wel", "En nog eens"], page.Texts());
    }

    [Theory, BothDatabases]
    public async Task The_chat_forms_on_the_pages_count_too_and_the_other_buttons_of_the_request_page_do_not(DatabaseProvider provider)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:LoginAttemptsPerMinute"] = "1000", ["RateLimits:ChatMessagesPerMinute"] = "2" };
        await using var app = await WehelpenApplication.StartAsync(provider, settings, s => s.AddSingleton<TimeProvider>(new TestClock(RequestSteps.Now)));
        var c = await app.TwoCirclesAsync();
        var (veraApi, _) = await app.VolunteerAsync("Vera Buurvrouw", "1055 KL");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.OK, (await veraApi.ActAsync(requestId, "claim")).StatusCode);
        using var carla = await app.BrowserAsync("Carla Coördinator");
        using var vera = await app.BrowserAsync("Vera Buurvrouw");
        var requestPage = $"/circles/{c.CircleId}/requests/{requestId}";
        var circleChat = $"/circles/{c.CircleId}/chat";

        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostAsync(carla, $"{requestPage}?handler=chat", Message("p-1", "Fijn dat je helpt."), requestPage)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostAsync(carla, circleChat, Message("p-2", "Vera helpt morgen."))).StatusCode);
        var onRequestPage = await PageForms.PostAsync(carla, $"{requestPage}?handler=chat", Message("p-3", "Nog iets."), requestPage);
        var onChatPage = await PageForms.PostAsync(carla, circleChat, Message("p-4", "En nog iets."));
        var otherButton = await PageForms.PostAsync(carla, $"{requestPage}?handler=widen", [], requestPage);

        Assert.Contains("U heeft in korte tijd veel berichten gestuurd.", await RateLimitAssert.IsLimitedPageAsync(onRequestPage));
        Assert.Contains("U heeft in korte tijd veel berichten gestuurd.", await RateLimitAssert.IsLimitedPageAsync(onChatPage));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherButton.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostAsync(vera, $"/help/{requestId}?handler=chat", Message("v-1", "Graag gedaan."), $"/help/{requestId}")).StatusCode);
        var thread = await c.Coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/requests/{requestId}/chat");
        Assert.Equal(["Fijn dat je helpt.", "Graag gedaan."], thread.Texts());
    }

    private static KeyValuePair<string, string>[] Message(string clientMessageId, string text) =>
        [new("Message.ClientMessageId", clientMessageId), new("Message.Text", text)];
}
