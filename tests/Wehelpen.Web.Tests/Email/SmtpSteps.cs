using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Email;

/// <summary>The app sending its mail to a <see cref="TestSmtpServer"/>, and people who confirm their address from the mail it received.</summary>
public static partial class SmtpSteps
{
    public static async Task<(WehelpenApplication App, TestClock Clock)> StartAsync(DatabaseProvider provider, TestSmtpServer smtp,
        string? password = null, Action<IServiceCollection>? services = null)
    {
        var clock = new TestClock(RequestSteps.Now);
        var settings = smtp.AppSettings(password);
        settings["RateLimits:LoginAttemptsPerMinute"] = "1000";
        var app = await WehelpenApplication.StartAsync(provider, settings, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            services?.Invoke(s);
        });
        return (app, clock);
    }

    /// <summary>Registers through the API as a resident: the confirmation mail is on its way. Returns the address.</summary>
    public static async Task<(HttpClient Client, string Email)> RegisterAsync(this WehelpenApplication app, string name)
    {
        var email = CircleSteps.EmailOf(name);
        var client = app.CreateApiClient();
        var response = await client.PostAsJsonAsync("/api/v1/account/register",
            new { email, password = WehelpenApplication.Password, displayName = name, roles = new[] { "resident" }, acceptPrivacyStatement = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (client, email);
    }

    /// <summary>A resident whose confirmation mail came through <paramref name="smtp"/>, logged in, with a circle around herself.</summary>
    public static async Task<(HttpClient Client, string UserId, Guid CircleId)> ResidentAsync(this WehelpenApplication app, TestSmtpServer smtp, string name)
    {
        var (client, email) = await app.RegisterAsync(name);
        var mail = Assert.Single(await smtp.WaitForMailToAsync(email));
        var link = new Uri(ConfirmLink().Match(mail.Text).Value);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link.PathAndQuery)).StatusCode);
        client.Dispose();
        var resident = await app.LoginAsync(email);
        return (resident, WehelpenApplication.UserIdIn(link), await resident.CreateCircleAsync(name, forMyself: true));
    }

    [GeneratedRegex(@"https?://\S+/account/confirm-email\S*")]
    private static partial Regex ConfirmLink();
}
