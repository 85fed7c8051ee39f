using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Platform.Audit;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Neighbourhoods.SocialMap;
using Wehelpen.Web.Tests.Offers;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Audit;

/// <summary>Each administrative action is on the audit log once: who, what, on what, when, from where; one that fails is not.</summary>
public sealed class AdminActionAuditTests
{
    private const string Address = "203.0.113.7";

    [Theory, BothDatabases]
    public async Task Social_map_reports_gebieden_and_matching_each_write_one_entry_and_refused_ones_none(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (_, adaId) = await app.PersonAsync("Ada Beheer");
        var admin = (await app.AdministratorAsync("Ada Beheer")).From(Address);
        var (petra, petraId) = await app.PersonAsync("Petra West", "professional");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        var count = (await app.AuditEntriesAsync()).Count;
        Assert.Equal(0, count);

        // The social map: add, change, delete; a wrong form, a stale version and a second delete write nothing.
        var invalid = SocialMapSteps.Buurthuis();
        invalid["name"] = " ";
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(SocialMapSteps.Organisations, invalid)).StatusCode);
        var created = await admin.PostAsJsonAsync(SocialMapSteps.Organisations, SocialMapSteps.Buurthuis());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var organisationId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var changed = SocialMapSteps.Buurthuis();
        changed["version"] = 0;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"{SocialMapSteps.Organisations}/{organisationId}", changed)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"{SocialMapSteps.Organisations}/{organisationId}", changed)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{SocialMapSteps.Organisations}/{organisationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{SocialMapSteps.Organisations}/{organisationId}")).StatusCode);
        var map = await app.NewEntriesAsync(count, AuditActions.SocialMapCreate, AuditActions.SocialMapEdit, AuditActions.SocialMapDelete);
        Assert.All(map, e => Assert.Equal((AuditTargets.Organisation, organisationId.ToString()), (e.TargetKind, e.TargetId)));
        count += 3;

        // A report: handled once; without a note, or a second time, nothing is written.
        var sent = await c.Member.PostAsJsonAsync("/api/v1/reports", new { requestId, reason = "Dit is geen echte hulpvraag." });
        var reportId = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/handled", new { note = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/handled", new { note = "Verwijderd, schrijver gemaild." })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/v1/admin/reports/{reportId}/handled", new { note = "Nog eens." })).StatusCode);
        var handled = Assert.Single(await app.NewEntriesAsync(count, AuditActions.ReportHandle));
        Assert.Equal((AuditTargets.Report, reportId.ToString(), (string?)null), (handled.TargetKind, handled.TargetId, handled.SubjectId));
        count += 1;

        // A professional's gebieden: approved, refused, the approval taken back; about Petra, never with her id as the target.
        Assert.Equal(HttpStatusCode.OK, (await petra.PutAsJsonAsync("/api/v1/buurtteam/me",
            new { organisation = "Buurtteam West", areas = new[] { "bos-en-lommer", "westerpark" } })).StatusCode);
        var areas = $"/api/v1/admin/professional-areas/{petraId}";
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{areas}/centrum/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"{areas}/bos-en-lommer/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"{areas}/bos-en-lommer/approve", null)).StatusCode); // already: nothing changes
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{areas}/westerpark")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{areas}/bos-en-lommer")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"{areas}/bos-en-lommer")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await petra.PostAsync($"{areas}/westerpark/approve", null)).StatusCode);
        var gebieden = await app.NewEntriesAsync(count,
            AuditActions.ProfessionalAreaApprove, AuditActions.ProfessionalAreaRefuse, AuditActions.ProfessionalAreaRevoke);
        Assert.Equal(["bos-en-lommer", "westerpark", "bos-en-lommer"], gebieden.Select(e => e.TargetId));
        Assert.All(gebieden, e => Assert.Equal((AuditTargets.ProfessionalArea, petraId), (e.TargetKind, e.SubjectId)));
        count += 3;

        // Looking at whom matching would choose names volunteers: recorded; a request that does not exist is not.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/admin/requests/{Guid.NewGuid()}/matches")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/admin/requests/{requestId}/matches")).StatusCode);
        var look = Assert.Single(await app.NewEntriesAsync(count, AuditActions.RequestMatchesView));
        Assert.Equal((AuditTargets.HelpRequest, requestId.ToString()), (look.TargetKind, look.TargetId));

        // Every one of them: Ada, from the address the proxy gave, at the app's time.
        var all = await app.AuditEntriesAsync();
        Assert.Equal(8, all.Count);
        Assert.All(all, e => Assert.Equal((adaId, Address, clock.GetUtcNow()), (e.ActorId, e.ClientAddress, e.At)));
    }
}
