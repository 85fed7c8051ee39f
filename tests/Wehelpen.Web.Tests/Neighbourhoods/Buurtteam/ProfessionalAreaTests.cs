using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Offers;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Neighbourhoods.Buurtteam;

/// <summary>A professional sees the escalated requests of the gebieden an admin approved for them, and no others.</summary>
public sealed class ProfessionalAreaTests
{
    [Theory, BothDatabases]
    public async Task A_professional_sees_escalations_only_of_approved_gebieden_and_Noord_never_sees_West(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        await app.PersonAsync("Anna Beheer");
        var admin = await app.AdministratorAsync("Anna Beheer");
        var (petra, petraId) = await app.PersonAsync("Petra West", "professional");
        var (noor, _) = await app.ProfessionalAsync("Noor Noord", "noord-oost", "oud-noord");
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId); // 1055 KL: Bos en Lommer, West
        await app.EscalateAsync(requestId, clock.GetUtcNow());

        var unknown = await petra.PutAsJsonAsync("/api/v1/buurtteam/me", new { organisation = "Buurtteam West", areas = new[] { "atlantis" } });
        Assert.Contains("Het gebied 'atlantis' bestaat niet.", await ProblemAssert.FieldErrorsAsync(unknown, "areas"));
        var asked = await petra.PutAsJsonAsync("/api/v1/buurtteam/me", new { organisation = "Buurtteam West", workPhone = "020 123 4567", areas = new[] { "bos-en-lommer" } });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.False((await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("areas")[0].GetProperty("approved").GetBoolean());
        Assert.DoesNotContain(requestId.ToString(), await petra.GetStringAsync("/api/v1/requests/escalated"));
        Assert.Equal(HttpStatusCode.NotFound, (await petra.GetAsync($"/api/v1/requests/{requestId}")).StatusCode);

        // Only an admin approves; then the request is in Petra's list, and not in Noor's.
        Assert.Equal(HttpStatusCode.Forbidden, (await noor.PostAsync($"/api/v1/admin/professional-areas/{petraId}/bos-en-lommer/approve", null)).StatusCode);
        var waiting = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/professional-areas");
        Assert.Contains(waiting.EnumerateArray(), r => r.GetProperty("userId").GetString() == petraId && r.GetProperty("organisation").GetString() == "Buurtteam West");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/professional-areas/{petraId}/bos-en-lommer/approve", null)).StatusCode);
        Assert.Contains(requestId.ToString(), await petra.GetStringAsync("/api/v1/requests/escalated"));
        Assert.Contains(requestId.ToString(), await admin.GetStringAsync("/api/v1/requests/escalated"));

        Assert.DoesNotContain(requestId.ToString(), await noor.GetStringAsync("/api/v1/requests/escalated"));
        Assert.Equal(HttpStatusCode.NotFound, (await noor.GetAsync($"/api/v1/requests/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await noor.ActAsync(requestId, "claim")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await noor.PostAsJsonAsync($"/api/v1/buurtteam/requests/{requestId}/contact-circle", new { message = "Hallo" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await noor.PostAsJsonAsync($"/api/v1/buurtteam/requests/{Guid.NewGuid()}/contact-circle", new { message = "Hallo" })).StatusCode);

        // Taking the approval back ends the access at once.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/admin/professional-areas/{petraId}/bos-en-lommer")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/admin/professional-areas/{petraId}/bos-en-lommer")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await petra.GetAsync($"/api/v1/requests/{requestId}")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_buurtteam_of_the_gebied_writes_to_the_circle_and_the_circle_reads_how_to_reach_them(DatabaseProvider provider)
    {
        var (app, clock) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var c = await app.TwoCirclesAsync();
        var (petra, _) = await app.ProfessionalAsync("Petra West", "bos-en-lommer");
        await petra.PutAsJsonAsync("/api/v1/buurtteam/me", new { organisation = "Buurtteam West", workPhone = "020 123 4567", areas = new[] { "bos-en-lommer" } });
        var requestId = await c.Coordinator.PostedIdAsync(c.CircleId);
        Assert.Equal(HttpStatusCode.NotFound, (await petra.PostAsJsonAsync($"/api/v1/buurtteam/requests/{requestId}/contact-circle", new { message = "Hallo" })).StatusCode);
        await app.EscalateAsync(requestId, clock.GetUtcNow());

        Assert.Contains("Vul dit in.", await ProblemAssert.FieldErrorsAsync(await petra.PostAsJsonAsync($"/api/v1/buurtteam/requests/{requestId}/contact-circle", new { message = " " }), "message"));
        var sent = await petra.PostAsJsonAsync($"/api/v1/buurtteam/requests/{requestId}/contact-circle", new { message = "Zal ik woensdag langskomen?" });
        Assert.Equal(HttpStatusCode.NoContent, sent.StatusCode);

        var bell = await c.Coordinator.GetStringAsync("/api/v1/notifications");
        Assert.Contains("Zal ik woensdag langskomen?", bell);
        Assert.Contains("Buurtteam West · 020 123 4567", bell);
        Assert.DoesNotContain("langskomen", await c.Member.GetStringAsync("/api/v1/notifications"));
        var logbook = await c.Member.LogbookAsync(c.CircleId);
        Assert.Contains(logbook, t => t.Contains("Petra West van het buurtteam heeft contact opgenomen"));
        Assert.DoesNotContain(logbook, t => t.Contains("langskomen"));
    }
}
