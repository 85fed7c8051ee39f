using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Wehelpen.Web.Tests.Circles;

public sealed partial class CirclePageTests
{
    [Theory, BothDatabases]
    public async Task A_carer_starts_a_circle_on_the_page_and_sees_the_code_for_the_resident(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.PersonAsync("Carla Dochter");
        using var browser = await app.BrowserAsync("Carla Dochter");

        var created = await PageForms.PostAsync(browser, "/circles/new",
            [new("Input.ForWhom", "other"), new("Input.ResidentName", "Vader Jan"), new("Input.Name", "")]);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var members = await browser.GetStringAsync(created.Headers.Location!.OriginalString);

        Assert.Contains("Zorgcirkel van Vader Jan", members);           // the banner: whose circle this is
        Assert.Contains("rond Vader Jan", members);
        Assert.Contains("geef de code of de link door", members);
        Assert.Matches(Code(), members);
        Assert.Contains("Vader Jan zelf (neemt de cirkel over als hoofdpersoon)", members.Replace("&#x27;", "'"));
    }

    [Theory, BothDatabases]
    public async Task Joining_by_code_shows_whose_circle_it_is_before_accepting(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (carla, _) = await app.PersonAsync("Carla Dochter");
        var circleId = await carla.CreateCircleAsync("Vader Jan");
        var code = (await carla.InviteAsync(circleId)).GetProperty("code").GetString()!;
        await app.PersonAsync("Els Buur");
        using var els = await app.BrowserAsync("Els Buur");

        var find = await els.GetAsync($"/join?code={Uri.EscapeDataString(code.ToLowerInvariant())}");
        Assert.Equal(HttpStatusCode.Redirect, find.StatusCode);
        var preview = await els.GetStringAsync(find.Headers.Location!.OriginalString);
        Assert.Contains("Dit is de zorgcirkel rond Vader Jan.", preview);
        Assert.Contains("Carla Dochter nodigt u uit als lid.", preview);
        Assert.Empty(await app.QueryAsync(db => Task.FromResult(db.Set<Web.Features.Circles.CircleMember>().Where(m => m.User!.DisplayName == "Els Buur").ToList())));

        var accepted = await PageForms.PostAsync(els, find.Headers.Location!.OriginalString, []);
        Assert.Equal($"/circles/{circleId}", accepted.Headers.Location!.OriginalString);
        var overview = await els.GetStringAsync($"/circles/{circleId}");
        Assert.Contains("Welkom in Zorgcirkel van Vader Jan.", overview);
    }

    [Theory, BothDatabases]
    public async Task A_mistyped_code_on_the_page_says_so_and_keeps_what_was_typed(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        await app.PersonAsync("Els Buur");
        using var els = await app.BrowserAsync("Els Buur");

        var page = await els.GetStringAsync("/join/KM7RTX3A");

        Assert.Contains("Deze code of link kennen we niet.", page);
        Assert.Contains("value=\"KM7RTX3A\"", page);
    }

    public static TheoryData<DatabaseProvider, string> CirclePages()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in BothDatabasesAttribute.Providers)
            foreach (var page in new[] { "", "/members", "/logbook", "/logbook/{entry}/correct", "/workload",
                "/requests", "/requests/new", "/requests/settings", "/requests/{request}", "/chat" }) data.Add(provider, page);
        return data;
    }

    [Theory, MemberData(nameof(CirclePages))]
    public async Task Circle_pages_refuse_strangers_alike_for_real_and_made_up_circles_and_send_anonymous_people_to_log_in(DatabaseProvider provider, string page)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        var entry = await StrangerTests.WriteEntryAsync(c.Member, c.CircleId);
        var request = await Requests.CircleRequestSteps.AskAsync(c.Member, c.CircleId, "Boodschappen", $"{DateTime.UtcNow.AddDays(7):yyyy-MM-dd}");
        using var stranger = await app.BrowserAsync("Stan Vreemde");
        using var member = await app.BrowserAsync("Mo Lid");
        string Url(Guid circleId) => $"/circles/{circleId}{page.Replace("{entry}", entry.ToString()).Replace("{request}", request.ToString())}";

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(Url(c.CircleId))).StatusCode);
        var existing = await stranger.GetAsync(Url(c.CircleId));
        var madeUp = await stranger.GetAsync(Url(Guid.NewGuid()));
        var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(Url(c.CircleId));

        Assert.Equal(HttpStatusCode.Redirect, existing.StatusCode);
        Assert.StartsWith("/account/access-denied", existing.Headers.Location!.AbsolutePath);
        Assert.Equal(existing.Headers.Location.AbsolutePath, madeUp.Headers.Location!.AbsolutePath);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.AbsolutePath);
    }

    [Theory, BothDatabases]
    public async Task A_stranger_posting_a_members_form_of_another_circle_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var stranger = await app.BrowserAsync("Stan Vreemde");
        using var member = await app.BrowserAsync("Mo Lid");

        // The antiforgery token comes from a page the stranger may see: their own circle's.
        var remove = await PageForms.PostAsync(stranger, $"/circles/{c.CircleId}/members?handler=Remove",
            [new("userId", c.MemberId)], formPage: $"/circles/{c.OtherCircleId}/members");
        var removeByMember = await PageForms.PostAsync(member, $"/circles/{c.CircleId}/members?handler=Remove",
            [new("userId", c.CoordinatorId)], formPage: $"/circles/{c.CircleId}/members");
        var invite = await PageForms.PostAsync(member, $"/circles/{c.CircleId}/members?handler=Invite",
            [new("Invite.Role", "Coordinator")], formPage: $"/circles/{c.CircleId}/members");

        foreach (var response in new[] { remove, removeByMember, invite })
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
        var members = await c.Coordinator.GetFromJsonAsync<JsonElement>($"/api/v1/circles/{c.CircleId}/members");
        Assert.Equal(2, members.GetArrayLength());
        Assert.Single(await c.Coordinator.GetFromJsonAsync<JsonElement[]>($"/api/v1/circles/{c.CircleId}/invitations") ?? []);
    }

    [Theory, BothDatabases]
    public async Task Renaming_to_nothing_is_refused_next_to_the_field_and_a_good_name_shows_in_the_banner(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var c = await app.TwoCirclesAsync();
        using var carla = await app.BrowserAsync("Carla Coördinator");
        var members = $"/circles/{c.CircleId}/members";

        var refused = await PageForms.PostAsync(carla, $"{members}?handler=Rename", [new("Rename.Name", "  ")], formPage: members);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Rename_Name-error\">Vul dit in.</p>", page);

        var renamed = await PageForms.PostAsync(carla, $"{members}?handler=Rename", [new("Rename.Name", "De cirkel van opa Jan")], formPage: members);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("<p class=\"circle-banner-name\">De cirkel van opa Jan</p>", await carla.GetStringAsync($"/circles/{c.CircleId}"));
    }

    [GeneratedRegex("class=\"code\">[ACDEFGHJKMNPQRTUVWXY34679]{4}-[ACDEFGHJKMNPQRTUVWXY34679]{4}<")]
    private static partial Regex Code();
}
