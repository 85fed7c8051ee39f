using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Reminders;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Matching;

/// <summary>A volunteer who is not online when matching asks them hears of it in their notification centre and by mail.</summary>
public sealed class AskedNotificationTests
{
    [Theory, BothDatabases]
    public async Task An_asked_volunteer_gets_one_notification_and_mail_without_the_address_and_others_get_nothing(DatabaseProvider provider)
    {
        var (app, _) = await MatchingSteps.StartAsync(provider, waveSize: 1);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (_, nearId) = await app.VolunteerAsync("Cor Dichtbij", "1061 AB");
        var (_, farId) = await app.VolunteerAsync("Gea Groningen", "9712 CP");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        await app.SweepAsync();
        await app.SweepAsync(); // a second sweep asks nobody twice
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<NotificationMailer>().SendPendingAsync(CancellationToken.None);

        var asked = Assert.Single(await app.NotificationsAsync(nearId));
        Assert.Equal((NotificationKind.HelpAsked, $"/help/{requestId}"), (asked.Kind, asked.Link));
        Assert.Equal("Kunt u helpen? Boodschappen bij de supermarkt, dinsdag 24 november 10:00", app.DutchTitle(asked));
        var mail = Assert.Single(app.Emails(CircleSteps.EmailOf("Cor Dichtbij")), m => m.Subject.StartsWith("Kunt u helpen?", StringComparison.Ordinal));
        Assert.Contains($"/help/{requestId}", mail.TextBody);
        Assert.Contains("(1055)", mail.TextBody);
        Assert.DoesNotContain(RequestSteps.Address, mail.TextBody + asked.Data);
        Assert.DoesNotContain(RequestSteps.Phone, mail.TextBody + asked.Data);
        Assert.Empty(await app.NotificationsAsync(farId));
    }
}
