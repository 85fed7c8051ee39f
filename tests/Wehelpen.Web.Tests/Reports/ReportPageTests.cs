using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Offers;

namespace Wehelpen.Web.Tests.Reports;

public sealed class ReportPageTests
{
    [Theory, BothDatabases]
    public async Task A_member_reports_a_request_on_the_page_and_the_administrator_handles_it(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var circles = await app.TwoCirclesAsync();
        var posted = await circles.Coordinator.AskAsync(circles.CircleId, category: "shopping");
        var requestId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetGuid();
        using var member = await app.BrowserAsync("Mo Lid", followRedirects: true);
        var path = $"/reports/new?request={requestId}";

        Assert.Contains("Melding over de hulpvraag: Boodschappen voor Jan", await member.GetStringAsync(path));
        var empty = await PageForms.PostAsync(member, path, [new("Input.Reason", "  ")]);
        Assert.Contains("field-error", await empty.Content.ReadAsStringAsync());
        var tooLong = await PageForms.PostAsync(member, path, [new("Input.Reason", "Lang verhaal " + new string('x', 1000))]);
        Assert.Contains("Lang verhaal x", await tooLong.Content.ReadAsStringAsync());
        var sent = await PageForms.PostAsync(member, path, [new("Input.Reason", "Dit lijkt op oplichting.")]);
        var sentHtml = await sent.Content.ReadAsStringAsync();
        Assert.Contains("role=\"status\">Dank u wel voor uw melding.", sentHtml);

        await app.PersonAsync("Ada Beheer");
        await app.AdministratorAsync("Ada Beheer");
        using var admin = await app.BrowserAsync("Ada Beheer", followRedirects: true);
        var list = await admin.GetStringAsync("/admin/reports");
        Assert.Contains("Dit lijkt op oplichting.", list);
        Assert.Contains("gebied 1055", list);
        Assert.Contains("href=\"/admin/reports\">Meldingen</a>", list);
        var reportId = System.Text.RegularExpressions.Regex.Match(list, "name=\"reportId\" value=\"([^\"]+)\"").Groups[1].Value;

        var noNote = await PageForms.PostAsync(admin, "/admin/reports?handler=Handled", [new("reportId", reportId), new("note", "")], formPage: "/admin/reports");
        Assert.Contains("field-error", await noNote.Content.ReadAsStringAsync());
        var handled = await PageForms.PostAsync(admin, "/admin/reports?handler=Handled", [new("reportId", reportId), new("note", "Contact opgenomen.")], formPage: "/admin/reports");
        var handledHtml = await handled.Content.ReadAsStringAsync();
        Assert.Contains("De melding is afgehandeld.", handledHtml);
        Assert.Contains("Contact opgenomen.", handledHtml);
    }

    [Theory, BothDatabases]
    public async Task What_one_cannot_see_cannot_be_reported_and_the_reports_are_for_administrators_only(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var circles = await app.TwoCirclesAsync();
        var posted = await circles.Coordinator.AskAsync(circles.CircleId, category: "shopping");
        var requestId = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetGuid();
        using var stranger = await app.BrowserAsync("Stan Vreemde");
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/reports/new?request={requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/reports/new?request={Guid.CreateVersion7()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/reports/new?person={circles.MemberId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/reports/new")).StatusCode);
        using var member = await app.BrowserAsync("Mo Lid", followRedirects: true);
        Assert.Contains("Melding over: Carla Coördinator", WebUtility.HtmlDecode(await member.GetStringAsync($"/reports/new?person={circles.CoordinatorId}")));

        var notAdmin = await stranger.GetAsync("/admin/reports");
        Assert.Equal(HttpStatusCode.Redirect, notAdmin.StatusCode);
        Assert.StartsWith("/account/access-denied", notAdmin.Headers.Location!.AbsolutePath);
        Assert.DoesNotContain("/admin/reports", await member.GetStringAsync("/"));
        foreach (var path in new[] { "/admin/reports", $"/reports/new?request={requestId}" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", response.Headers.Location!.AbsolutePath);
        }
    }

    [Theory, BothDatabases]
    public async Task A_volunteer_known_only_by_an_offer_is_reported_by_first_name(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var circles = await app.TwoCirclesAsync();
        var (volunteer, volunteerId) = await app.NeighbourAsync("Anna Centrum", "1012 AB");
        await volunteer.PublishAsync("shopping", "Boodschappen.");
        using var stranger = await app.BrowserAsync("Stan Vreemde", followRedirects: true);

        var page = WebUtility.HtmlDecode(await stranger.GetStringAsync($"/reports/new?person={volunteerId}"));

        Assert.Contains("Melding over: Anna", page);
        Assert.DoesNotContain("Centrum", page);
    }
}
