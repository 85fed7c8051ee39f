using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Privacy.Statement;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Privacy;

public sealed class PrivacyStatementTests
{
    private static readonly DateTimeOffset Registered = new(2026, 12, 7, 9, 15, 0, TimeSpan.Zero);

    [Theory, BothDatabases]
    public async Task Registering_through_the_API_without_accepting_the_statement_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var client = app.CreateApiClient();

        var left = await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "ria@example.nl", password = WehelpenApplication.Password, displayName = "Ria", roles = new[] { "resident" },
        });
        var refused = await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "ria@example.nl", password = WehelpenApplication.Password, displayName = "Ria", roles = new[] { "resident" },
            acceptPrivacyStatement = false,
        });

        Assert.Equal(["Lees de privacyverklaring en zet een vinkje als u ermee akkoord gaat."],
            await ProblemAssert.FieldErrorsAsync(left, "acceptPrivacyStatement"));
        Assert.Equal(["Lees de privacyverklaring en zet een vinkje als u ermee akkoord gaat."],
            await ProblemAssert.FieldErrorsAsync(refused, "acceptPrivacyStatement"));
        Assert.Equal(0, await app.QueryAsync(db => db.Users.CountAsync(u => u.Id != FormerMember.Id)));
        Assert.Empty(app.Emails("ria@example.nl"));

        using var english = app.CreateApiClient("en");
        var inEnglish = await english.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "ria@example.nl", password = WehelpenApplication.Password, displayName = "Ria", roles = new[] { "resident" },
        });
        Assert.Equal(["Please read the privacy statement and tick the box if you agree to it."],
            await ProblemAssert.FieldErrorsAsync(inEnglish, "acceptPrivacyStatement"));
    }

    [Theory, BothDatabases]
    public async Task Registering_through_the_API_records_which_version_was_accepted_and_when(DatabaseProvider provider)
    {
        var clock = new TestClock(Registered);
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        using var client = app.CreateApiClient();

        var response = await client.PostAsJsonAsync("/api/v1/account/register", new
        {
            email = "ria@example.nl", password = WehelpenApplication.Password, displayName = "Ria", roles = new[] { "resident" },
            acceptPrivacyStatement = true,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = await app.QueryAsync(db => db.Users.Where(u => u.Email == "ria@example.nl")
            .Select(u => new { u.PrivacyStatementVersion, u.PrivacyStatementAcceptedAt }).SingleAsync());
        Assert.Equal(PrivacyStatement.Version, stored.PrivacyStatementVersion);
        Assert.Equal(Registered, stored.PrivacyStatementAcceptedAt);
    }

    [Theory, BothDatabases]
    public async Task The_registration_page_asks_for_the_tick_says_why_when_it_is_missing_and_records_it(DatabaseProvider provider)
    {
        var clock = new TestClock(Registered);
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await browser.PageAsync("/account/register");
        Assert.Contains("Ik heb de privacyverklaring gelezen en ga ermee akkoord", form);
        Assert.Contains("href=\"/privacy\"", form);

        KeyValuePair<string, string>[] fields =
        [
            new("Input.DisplayName", "Gerrit"), new("Input.Email", "gerrit@example.nl"),
            new("Input.Password", WehelpenApplication.Password), new("Input.Roles", "volunteer"),
        ];
        var refused = await (await PageForms.PostAsync(browser, "/account/register", fields)).PageAsync();

        Assert.Contains("role=\"alert\"", refused);
        Assert.Contains("Lees de privacyverklaring en zet een vinkje als u ermee akkoord gaat.", refused);
        Assert.Contains("aria-describedby=\"privacy-hint privacy-error\" aria-invalid=\"true\"", refused);
        Assert.Contains("value=\"Gerrit\"", refused);
        Assert.Equal(0, await app.QueryAsync(db => db.Users.CountAsync(u => u.Id != FormerMember.Id)));
        Assert.Empty(app.Emails("gerrit@example.nl"));

        var accepted = await PageForms.PostAsync(browser, "/account/register", [.. fields, new("Input.AcceptPrivacyStatement", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = await app.QueryAsync(db => db.Users.Where(u => u.Email == "gerrit@example.nl")
            .Select(u => new { u.PrivacyStatementVersion, u.PrivacyStatementAcceptedAt }).SingleAsync());
        Assert.Equal(PrivacyStatement.Version, stored.PrivacyStatementVersion);
        Assert.Equal(Registered, stored.PrivacyStatementAcceptedAt);
    }

    [Theory, BothDatabases]
    public async Task The_statement_is_public_in_Dutch_and_in_English_with_its_version_and_the_retention_periods(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);

        using var dutch = app.CreateClient();
        var nl = await dutch.PageAsync("/privacy");
        Assert.Contains("<h1>Privacyverklaring</h1>", nl);
        Assert.Contains("Deze privacyverklaring is van 6 december 2026 (versie 2026-12-06).", nl);
        Assert.Contains("tot 30 dagen nadat de vraag is afgerond of ingetrokken", nl);
        Assert.Contains("Meldingen in uw lijst met meldingen: 180 dagen.", nl);
        Assert.Contains("Een account waarmee 2 jaar niet is ingelogd", nl);
        Assert.Contains("Logt u daarna 30 dagen niet in", nl);
        Assert.Contains("alleen de voornaam, het gebied (de vier cijfers van de postcode) en wat er moet gebeuren", nl);
        Assert.Contains("href=\"/account/privacy\"", nl);
        Assert.Contains("href=\"/profile\"", nl);

        // Pages follow the language switch (a cookie), not the browser's Accept-Language.
        using var english = app.CreateClient();
        await PageForms.PostAsync(english, "/language", [new("language", "en"), new("returnUrl", "/privacy")], formPage: "/privacy");
        var en = await english.PageAsync("/privacy");
        Assert.Contains("<h1>Privacy statement</h1>", en);
        Assert.Contains("This privacy statement is dated 6 December 2026 (version 2026-12-06).", en);
        Assert.Contains("until 30 days after the request was finished or withdrawn", en);
        Assert.Contains("An account nobody signed in to for 2 years", en);
        Assert.DoesNotContain("Privacyverklaring", en);
    }

    [Fact]
    public async Task The_statement_says_what_the_operator_configured_the_periods_and_the_contact()
    {
        await using var app = await WehelpenApplication.StartAsync(
            settings: new() { ["Retention:RequestAddressDays"] = "14", ["Retention:NotificationDays"] = "1", ["Retention:InactiveAccountDays"] = "1095" },
            services: s => s.Configure<PrivacyStatementOptions>(o => o.Contact = "privacy@buurtzorg.example"));
        using var anonymous = app.CreateClient();

        var page = await anonymous.PageAsync("/privacy");

        Assert.Contains("tot 14 dagen nadat", page);
        Assert.Contains("Meldingen in uw lijst met meldingen: 1 dag.", page);
        Assert.Contains("Een account waarmee 3 jaar niet is ingelogd", page);
        Assert.Contains("<a href=\"mailto:privacy@buurtzorg.example\">privacy@buurtzorg.example</a>", page);
    }

    [Theory, BothDatabases]
    public async Task Every_page_links_the_statement_in_its_footer_and_the_account_page_links_my_data(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        using var anonymous = app.CreateClient();
        var home = Footer(await anonymous.PageAsync("/"));
        Assert.Contains("<a href=\"/privacy\">Privacyverklaring</a>", home);
        Assert.DoesNotContain("/account/privacy", home); // signed out, there is no data of theirs to go to

        await app.RegisterConfirmedAsync(CircleSteps.EmailOf("Tom Lid"), "Tom Lid");
        using var browser = await app.BrowserAsync("Tom Lid");
        var profile = await browser.PageAsync("/profile");
        Assert.Contains("<a href=\"/privacy\">Privacyverklaring</a>", Footer(profile));
        Assert.Contains("<a href=\"/account/privacy\">Mijn gegevens en privacy</a>", Footer(profile));
        var main = profile[profile.IndexOf("<main", StringComparison.Ordinal)..profile.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.Contains("<a href=\"/account/privacy\">Mijn gegevens en privacy</a>: uw gegevens downloaden of uw account verwijderen.", main);
        Assert.Contains("<a href=\"/privacy\">Privacyverklaring</a>", main);
    }

    private static string Footer(string html) =>
        html[html.IndexOf("<footer", StringComparison.Ordinal)..html.IndexOf("</footer>", StringComparison.Ordinal)];
}
