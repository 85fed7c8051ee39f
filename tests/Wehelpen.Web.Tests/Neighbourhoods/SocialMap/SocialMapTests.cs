using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Features.Areas;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Offers;

namespace Wehelpen.Web.Tests.Neighbourhoods.SocialMap;

/// <summary>The social map as people read it, and as admins keep it up to date.</summary>
public sealed class SocialMapTests
{
    private static readonly Dictionary<string, (string Lead, string[] Partners)> Alliances = new()
    {
        ["noord"] = ("Doras", ["MEE Amstel en Zaan", "Cordaan", "HVO-Querido", "Evean", "Amstelring"]),
        ["zuid"] = ("Puur Zuid", ["MEE Amstel en Zaan", "Cordaan", "HVO-Querido", "Particura", "Philadelphia", "Dynamo"]),
        ["oost"] = ("Civic", ["MEE Amstel en Zaan", "Dynamo", "ZGAO", "Philadelphia", "Zonzorg", "HVO-Querido"]),
        ["west"] = ("Combiwel", ["MEE Amstel en Zaan", "Amsta", "Amstelring", "Cordaan", "de Volksbond", "Arkin"]),
        ["zuidoost"] = ("Madizo", ["MEE Amstel en Zaan", "Cordaan", "Amstelring", "de Volksbond", "Amsta"]),
        ["centrum"] = ("Centram", ["MEE Amstel en Zaan", "Cordaan", "de Regenboog Groep", "de Volksbond", "Arkin"]),
    };

    [Theory, BothDatabases]
    public async Task The_map_holds_the_six_alliances_with_their_trekker_and_nothing_made_up(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (resident, _) = await app.PersonAsync("Rita Bewoner", "resident");

        var all = await resident.OrganisationsAsync();

        Assert.Equal(39, all.Length);
        foreach (var (stadsdeel, (lead, partners)) in Alliances)
        {
            var here = all.Where(o => o.GetProperty("stadsdeel").GetString() == stadsdeel).ToList();
            // The trekker first, then the partners.
            Assert.Equal(lead, here[0].GetProperty("name").GetString());
            Assert.Equal(partners.Order().ToArray(), here.Skip(1).Select(o => o.GetProperty("name").GetString()!).Order().ToArray());
            Assert.Equal(new[] { lead }, here.Where(o => o.GetProperty("isAllianceLead").GetBoolean()).Select(o => o.GetProperty("name").GetString()!).ToArray());
            Assert.All(here, o => Assert.Equal("alliancePartner", o.GetProperty("kind").GetString()));
        }
        Assert.All(all, o =>
        {
            foreach (var contact in new[] { "phone", "email", "website", "address", "openingHours" })
                Assert.Equal(JsonValueKind.Null, o.GetProperty(contact).ValueKind);
        });
        Assert.Empty(await resident.OrganisationsAsync("nieuw-west"));
        Assert.Empty(await resident.OrganisationsAsync("weesp"));
        Assert.Contains("cliëntondersteuning", all.First(o => o.GetProperty("name").GetString() == "MEE Amstel en Zaan").GetProperty("whatTheyDo").GetString());
    }

    [Theory, BothDatabases]
    public async Task Anyone_reads_a_stadsdeel_page_with_the_trekker_said_in_words_and_empty_stadsdelen_say_so(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var visitor = app.CreateApiClient();

        var noord = await visitor.PageAsync("/social-map/noord");
        Assert.Contains("Doras", noord);
        Assert.Contains("trekker van de alliantie", noord);
        Assert.Contains("Contactgegevens zijn nog niet ingevuld.", noord);
        Assert.DoesNotContain("Combiwel", noord);
        var weesp = await visitor.PageAsync("/social-map/weesp");
        Assert.Contains("De organisaties in Weesp zijn nog niet ingevuld.", weesp);
        Assert.DoesNotContain("Voeg de organisaties van Weesp toe", weesp);
        Assert.Contains("De organisaties in Nieuw-West zijn nog niet ingevuld.", await visitor.PageAsync("/social-map"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/social-map/haarlem")).StatusCode);
        // The API is for people who are signed in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync(SocialMapSteps.Organisations)).StatusCode);

        await app.PersonAsync("Ada Beheer");
        await app.AdministratorAsync("Ada Beheer");
        var admin = await app.BrowserAsync("Ada Beheer");
        Assert.Contains("Voeg de organisaties van Nieuw-West toe", await admin.PageAsync("/social-map/nieuw-west"));
    }

    [Theory, BothDatabases]
    public async Task A_postcode_leads_to_its_stadsdeel_and_one_outside_Amsterdam_is_said_to_be(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var visitor = app.CreateApiClient();

        var found = await visitor.GetAsync("/social-map?postcode=1055%20kl");
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.StartsWith("/social-map/west", found.Headers.Location!.OriginalString);
        var west = await visitor.PageAsync(found.Headers.Location.OriginalString);
        Assert.Contains("Postcode 1055 KL ligt in Bos en Lommer, stadsdeel West.", west);
        Assert.Contains("Combiwel", west);
        Assert.Contains("Postcode 1383 AB ligt in Weesp, stadsdeel Weesp.", await visitor.PageAsync("/social-map/weesp?postcode=1383AB"));

        var utrecht = await visitor.PageAsync("/social-map?postcode=3511%20AB");
        Assert.Contains("Postcode 3511 ligt niet in Amsterdam of Weesp.", utrecht);
        Assert.Contains("aria-invalid=\"true\"", utrecht);
        Assert.Contains("Dit is geen geldige postcode.", await visitor.PageAsync("/social-map?postcode=hallo"));
        Assert.Contains("hoort bij een postbus", await visitor.PageAsync("/social-map?postcode=1000AA"));
    }

    [Theory, BothDatabases]
    public async Task An_admin_adds_changes_and_deletes_an_organisation_and_nobody_else_may(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.PersonAsync("Ada Beheer");
        var admin = await app.AdministratorAsync("Ada Beheer");
        var (professional, _) = await app.PersonAsync("Paula Professional", "professional");

        var created = await admin.PostAsJsonAsync(SocialMapSteps.Organisations, SocialMapSteps.Buurthuis());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var organisation = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = organisation.GetProperty("id").GetGuid();
        Assert.Equal("https://www.tagerijn.example.nl", organisation.GetProperty("website").GetString());
        Assert.Equal("Ada Beheer", organisation.GetProperty("updatedByName").GetString());
        var page = await app.CreateApiClient().PageAsync("/social-map/nieuw-west");
        Assert.Contains("href=\"tel:0201234567\"", page);
        Assert.Contains("href=\"mailto:info@tagerijn.example.nl\"", page);
        Assert.Contains("href=\"https://www.tagerijn.example.nl\"", page);
        Assert.DoesNotContain("nog niet ingevuld", page);

        var change = SocialMapSteps.Buurthuis();
        (change["phone"], change["version"]) = ("+31 20 765 4321", organisation.GetProperty("version").GetInt32());
        var changed = await admin.PutAsJsonAsync($"{SocialMapSteps.Organisations}/{id}", change);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("+31 20 765 4321", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());

        await ProblemAssert.IsProblemAsync(await professional.PostAsJsonAsync(SocialMapSteps.Organisations, SocialMapSteps.Buurthuis()), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await professional.PutAsJsonAsync($"{SocialMapSteps.Organisations}/{id}", change), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await professional.DeleteAsync($"{SocialMapSteps.Organisations}/{id}"), HttpStatusCode.Forbidden);
        var browser = await app.BrowserAsync("Paula Professional");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync($"/social-map/organisations/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/social-map/organisations/new")).StatusCode);
        Assert.Single(await professional.OrganisationsAsync("nieuw-west"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{SocialMapSteps.Organisations}/{id}")).StatusCode);
        Assert.Empty(await admin.OrganisationsAsync("nieuw-west"));
        await ProblemAssert.IsProblemAsync(await admin.DeleteAsync($"{SocialMapSteps.Organisations}/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await admin.PutAsJsonAsync($"{SocialMapSteps.Organisations}/{id}", change), HttpStatusCode.NotFound);
    }

    [Theory, BothDatabases]
    public async Task Wrong_input_is_refused_field_by_field_in_Dutch_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.PersonAsync("Ada Beheer");
        var admin = await app.AdministratorAsync("Ada Beheer");
        var wrong = SocialMapSteps.Buurthuis("haarlem");
        (wrong["name"], wrong["phone"], wrong["email"], wrong["website"]) = ("  ", "bel ons", "info@", "javascript:alert(1)");
        wrong["whatTheyDo"] = new string('x', 1001);
        wrong["isAllianceLead"] = true;

        var response = await admin.PostAsJsonAsync(SocialMapSteps.Organisations, wrong);

        Assert.Contains("geen stadsdeel", (await ProblemAssert.FieldErrorsAsync(response, "stadsdeel"))[0]);
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(response, "name"));
        Assert.Contains("geen telefoonnummer", (await ProblemAssert.FieldErrorsAsync(response, "phone"))[0]);
        Assert.Contains("geen e-mailadres", (await ProblemAssert.FieldErrorsAsync(response, "email"))[0]);
        Assert.Contains("geen webadres", (await ProblemAssert.FieldErrorsAsync(response, "website"))[0]);
        Assert.Contains("1000", (await ProblemAssert.FieldErrorsAsync(response, "whatTheyDo"))[0]);
        Assert.Contains("alliantiepartner", (await ProblemAssert.FieldErrorsAsync(response, "isAllianceLead"))[0]);
        Assert.Equal(39, (await admin.OrganisationsAsync()).Length);

        // A second trekker in one alliance is refused, naming the one there is.
        var secondLead = SocialMapSteps.Buurthuis("noord");
        (secondLead["kind"], secondLead["isAllianceLead"]) = ("alliancePartner", true);
        Assert.Contains("Doras is al trekker", (await ProblemAssert.FieldErrorsAsync(
            await admin.PostAsJsonAsync(SocialMapSteps.Organisations, secondLead), "isAllianceLead"))[0]);

        // The form says the same next to the fields and keeps what was typed.
        var browser = await app.BrowserAsync("Ada Beheer");
        var form = await (await PageForms.PostAsync(browser, "/social-map/organisations/new",
        [
            new("Input.Stadsdeel", "weesp"), new("Input.Name", "Buurtteam Weesp"), new("Input.Kind", "Buurtteam"),
            new("Input.IsAllianceLead", "false"), new("Input.WhatTheyDo", "Hulp bij zorg, geld en wonen."), new("Input.Email", "buurtteam weesp"),
        ])).PageAsync();
        Assert.Contains("Dit is geen e-mailadres.", form);
        Assert.Contains("value=\"Buurtteam Weesp\"", form);
        Assert.Empty(await admin.OrganisationsAsync("weesp"));
    }

    [Theory, BothDatabases]
    public async Task Of_two_admins_editing_at_once_the_second_is_refused_and_keeps_what_they_typed(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.PersonAsync("Ada Beheer");
        var ada = await app.AdministratorAsync("Ada Beheer");
        await app.PersonAsync("Bert Beheer");
        var bert = await app.AdministratorAsync("Bert Beheer");
        var doras = await ada.OrganisationIdAsync("noord", "Doras");
        var editPath = $"/social-map/organisations/{doras}/edit";
        var adaBrowser = await app.BrowserAsync("Ada Beheer");
        var bertBrowser = await app.BrowserAsync("Bert Beheer");
        // Both open the form at version 0.
        Assert.Contains("name=\"Input.Version\"", await bertBrowser.PageAsync(editPath));
        KeyValuePair<string, string>[] Fields(string phone) =>
        [
            new("Input.Version", "0"), new("Input.Stadsdeel", "noord"), new("Input.Name", "Doras"), new("Input.Kind", "AlliancePartner"),
            new("Input.IsAllianceLead", "true"), new("Input.IsAllianceLead", "false"),
            new("Input.WhatTheyDo", "Trekker van de wijkzorgalliantie Noord."), new("Input.Phone", phone),
        ];

        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostAsync(adaBrowser, editPath, Fields("020 111 1111"))).StatusCode);
        var refused = await (await PageForms.PostAsync(bertBrowser, editPath, Fields("020 222 2222"))).PageAsync();

        Assert.Contains("Ada Beheer heeft deze organisatie gewijzigd", refused);
        Assert.Contains("value=\"020 222 2222\"", refused);
        Assert.Contains("020 111 1111", refused); // theirs, shown beside the form
        Assert.Equal("020 111 1111", (await ada.OrganisationsAsync("noord")).Single(o => o.GetProperty("id").GetGuid() == doras).GetProperty("phone").GetString());

        // The API refuses a stale version the same way.
        var stale = SocialMapSteps.Buurthuis("noord");
        (stale["name"], stale["kind"], stale["isAllianceLead"], stale["version"]) = ("Doras", "alliancePartner", true, 0);
        var conflict = await ProblemAssert.IsProblemAsync(await bert.PutAsJsonAsync($"{SocialMapSteps.Organisations}/{doras}", stale), HttpStatusCode.Conflict);
        Assert.Contains("Ada Beheer", conflict.GetProperty("detail").GetString());
        stale.Remove("version");
        Assert.NotEmpty(await ProblemAssert.FieldErrorsAsync(await bert.PutAsJsonAsync($"{SocialMapSteps.Organisations}/{doras}", stale), "version"));
    }
}
