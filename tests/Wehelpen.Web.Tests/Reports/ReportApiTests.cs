using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Offers;

namespace Wehelpen.Web.Tests.Reports;

public sealed class ReportApiTests
{
    private static async Task<Guid> RequestIdAsync(HttpResponseMessage posted)
    {
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("summary").GetProperty("id").GetGuid();
    }

    [Theory, BothDatabases]
    public async Task A_member_reports_a_request_and_only_administrators_see_it_with_its_area(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var circles = await app.TwoCirclesAsync();
        var requestId = await RequestIdAsync(await circles.Coordinator.AskAsync(circles.CircleId, category: "shopping"));
        var (admin, _) = await app.PersonAsync("Ada Beheer");
        admin = await app.AdministratorAsync("Ada Beheer");

        var sent = await circles.Member.PostAsJsonAsync("/api/v1/reports", new { requestId, reason = "Dit is geen echte hulpvraag." });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);

        await ProblemAssert.IsProblemAsync(await circles.Member.GetAsync("/api/v1/admin/reports"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await circles.Anonymous.GetAsync("/api/v1/admin/reports")).StatusCode);
        var reports = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/reports");
        var report = Assert.Single(reports!);
        Assert.Equal("Boodschappen voor Jan", report.GetProperty("subjectName").GetString());
        Assert.Equal("1055", report.GetProperty("pc4").GetString());
        Assert.Equal("Mo Lid", report.GetProperty("reporterName").GetString());
        Assert.Equal("Dit is geen echte hulpvraag.", report.GetProperty("reason").GetString());
    }

    [Theory, BothDatabases]
    public async Task A_request_one_cannot_see_is_answered_like_one_that_does_not_exist(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var circles = await app.TwoCirclesAsync();
        var requestId = await RequestIdAsync(await circles.Coordinator.AskAsync(circles.CircleId, category: "shopping"));

        var hidden = await circles.Stranger.PostAsJsonAsync("/api/v1/reports", new { requestId, reason = "Vreemd." });
        var madeUp = await circles.Stranger.PostAsJsonAsync("/api/v1/reports", new { requestId = Guid.CreateVersion7(), reason = "Vreemd." });
        await ProblemAssert.IsProblemAsync(hidden, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.NotFound);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(hidden));
        Assert.Equal(HttpStatusCode.Unauthorized, (await circles.Anonymous.PostAsJsonAsync("/api/v1/reports", new { requestId, reason = "x" })).StatusCode);
        Assert.Equal(0, await app.QueryAsync(db => Task.FromResult(db.Set<Wehelpen.Web.Features.Reports.Report>().Count())));
    }

    [Theory, BothDatabases]
    public async Task People_met_through_a_circle_or_an_offer_can_be_reported_and_nobody_else(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var circles = await app.TwoCirclesAsync();
        var (volunteer, volunteerId) = await app.NeighbourAsync("Anna Centrum", "1012 AB");
        await volunteer.PublishAsync("shopping", "Boodschappen.");

        var coMember = await circles.Member.PostAsJsonAsync("/api/v1/reports", new { personId = circles.CoordinatorId, reason = "Onaardig tegen Jan." });
        var offerer = await circles.Stranger.PostAsJsonAsync("/api/v1/reports", new { personId = volunteerId, reason = "Vraagt geld." });
        Assert.Equal(HttpStatusCode.Created, coMember.StatusCode);
        Assert.Equal(HttpStatusCode.Created, offerer.StatusCode);

        var unrelated = await circles.Stranger.PostAsJsonAsync("/api/v1/reports", new { personId = circles.MemberId, reason = "?" });
        var madeUp = await circles.Stranger.PostAsJsonAsync("/api/v1/reports", new { personId = Guid.NewGuid().ToString(), reason = "?" });
        await ProblemAssert.IsProblemAsync(unrelated, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(madeUp, HttpStatusCode.NotFound);
        Assert.Equal(await ProblemAssert.ComparableBodyAsync(madeUp), await ProblemAssert.ComparableBodyAsync(unrelated));
    }

    [Theory, BothDatabases]
    public async Task The_helper_of_a_request_can_be_reported_by_the_circle(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var (volunteer, volunteerId) = await app.NeighbourAsync("Anna Centrum", "1012 AB");
        var offerId = (await volunteer.PublishAsync("shopping", "Boodschappen.")).GetProperty("id").GetGuid();
        var circles = await app.TwoCirclesAsync();
        var requestId = await RequestIdAsync(await circles.Member.AskAsync(circles.CircleId, offerId));
        await volunteer.PostAsync($"/api/v1/requests/{requestId}/claim", null);
        await volunteer.DeleteAsync($"/api/v1/offers/{offerId}");

        var aboutHelper = await circles.Coordinator.PostAsJsonAsync("/api/v1/reports", new { personId = volunteerId, reason = "Kwam niet opdagen." });
        var aboutPoster = await volunteer.PostAsJsonAsync("/api/v1/reports", new { personId = circles.MemberId, reason = "Onvriendelijk." });

        Assert.Equal(HttpStatusCode.Created, aboutHelper.StatusCode);
        Assert.Equal(HttpStatusCode.Created, aboutPoster.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_report_needs_a_reason_and_one_subject(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var circles = await app.TwoCirclesAsync();

        await ProblemAssert.FieldErrorsAsync(await circles.Member.PostAsJsonAsync("/api/v1/reports", new { personId = circles.CoordinatorId, reason = " " }), "reason");
        await ProblemAssert.FieldErrorsAsync(await circles.Member.PostAsJsonAsync("/api/v1/reports", new { personId = circles.CoordinatorId, reason = new string('x', 1001) }), "reason");
        await ProblemAssert.FieldErrorsAsync(await circles.Member.PostAsJsonAsync("/api/v1/reports", new { reason = "Iets." }), "");
        Assert.Equal(HttpStatusCode.NotFound, (await circles.Member.PostAsJsonAsync("/api/v1/reports", new { personId = circles.MemberId, reason = "Ikzelf." })).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task An_administrator_marks_a_report_handled_with_a_note_once(DatabaseProvider provider)
    {
        await using var app = await WehelpenApplication.StartAsync(provider);
        var circles = await app.TwoCirclesAsync();
        await circles.Member.PostAsJsonAsync("/api/v1/reports", new { personId = circles.CoordinatorId, reason = "Onaardig." });
        await app.PersonAsync("Ada Beheer");
        var admin = await app.AdministratorAsync("Ada Beheer");
        var reportId = (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/reports"))![0].GetProperty("id").GetGuid();

        await ProblemAssert.IsProblemAsync(await circles.Member.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/handled", new { note = "Ik regel het." }), HttpStatusCode.Forbidden);
        await ProblemAssert.FieldErrorsAsync(await admin.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/handled", new { note = "" }), "note");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/handled", new { note = "Gebeld, opgelost." })).StatusCode);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/handled", new { note = "Nog eens." }), HttpStatusCode.Conflict);
        await ProblemAssert.IsProblemAsync(await admin.PostAsJsonAsync($"/api/v1/admin/reports/{Guid.CreateVersion7()}/handled", new { note = "?" }), HttpStatusCode.NotFound);

        var report = (await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/reports"))![0];
        Assert.Equal("Gebeld, opgelost.", report.GetProperty("handledNote").GetString());
        Assert.Equal("Ada Beheer", report.GetProperty("handledByName").GetString());
    }
}
