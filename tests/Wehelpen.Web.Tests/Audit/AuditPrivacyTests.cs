using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wehelpen.Web.Platform.Audit;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Tests.Circles;
using Wehelpen.Web.Tests.Neighbourhoods.SocialMap;
using Wehelpen.Web.Tests.Offers;
using Wehelpen.Web.Tests.Privacy;
using Wehelpen.Web.Tests.Requests;

namespace Wehelpen.Web.Tests.Audit;

/// <summary>The audit log in the export, after an erasure (the record stays, the person goes) and past its retention.</summary>
public sealed class AuditPrivacyTests
{
    [Theory, BothDatabases]
    public async Task An_erased_admin_s_actions_stay_on_the_log_as_the_former_member_s_without_the_address(DatabaseProvider provider)
    {
        var (app, _) = await RequestSteps.StartAsync(provider);
        await using var _app = app;
        var (_, adaId) = await app.PersonAsync("Ada Beheer");
        var ada = (await app.AdministratorAsync("Ada Beheer")).From("203.0.113.7");
        await app.PersonAsync("Bea Beheer");
        var bea = await app.AdministratorAsync("Bea Beheer");
        var (petra, petraId) = await app.PersonAsync("Petra West", "professional");
        PrivacySteps.Ok(await petra.PutAsJsonAsync("/api/v1/buurtteam/me", new { organisation = "Buurtteam West", areas = new[] { "bos-en-lommer" } }));
        PrivacySteps.Ok(await ada.PostAsync($"/api/v1/admin/professional-areas/{petraId}/bos-en-lommer/approve", null));
        PrivacySteps.Ok(await ada.PostAsJsonAsync(SocialMapSteps.Organisations, SocialMapSteps.Buurthuis()));

        // Each export: what Ada did, with where from; what was done about Petra, without who did it.
        var adas = await ExportAsync(ada, "audit-log");
        Assert.Equal([AuditActions.ProfessionalAreaApprove, AuditActions.SocialMapCreate], adas.Select(r => r.GetProperty("action").GetString()));
        Assert.All(adas, r => Assert.Equal("203.0.113.7", r.GetProperty("clientAddress").GetString()));
        var aboutPetra = Assert.Single(await ExportAsync(petra, "audit-about-you"));
        Assert.Equal(("bos-en-lommer", AuditActions.ProfessionalAreaApprove), (aboutPetra.GetProperty("targetId").GetString(), aboutPetra.GetProperty("action").GetString()));
        Assert.DoesNotContain(adaId, aboutPetra.ToString());

        PrivacySteps.Ok(await ada.EraseAccountAsync(WehelpenApplication.Password));
        PrivacySteps.Ok(await petra.EraseAccountAsync(WehelpenApplication.Password));

        var entries = await app.AuditEntriesAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((FormerMember.Id, (string?)null), (e.ActorId, e.ClientAddress)));
        Assert.Equal(FormerMember.Id, entries[0].SubjectId);
        var shown = (await bea.AuditPageAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.All(shown, e => Assert.Equal("Voormalig lid", e.GetProperty("actorName").GetString()));
        Assert.Equal("Voormalig lid", shown.Single(e => e.GetProperty("subjectId").ValueKind == JsonValueKind.String).GetProperty("subjectName").GetString());
        Assert.DoesNotContain(adaId, (await bea.AuditPageAsync()).ToString());
        Assert.DoesNotContain(petraId, (await bea.AuditPageAsync()).ToString());
    }

    [Theory, BothDatabases]
    public async Task The_address_goes_after_half_a_year_and_the_entry_after_two_years(DatabaseProvider provider)
    {
        var (app, clock) = await RetentionSteps.StartAsync(provider);
        await using var _app = app;
        var (_, adaId) = await app.PersonAsync("Ada Beheer");
        var now = clock.GetUtcNow();
        AuditEntry At(int daysAgo) => new()
        {
            ActorId = adaId, Action = AuditActions.ReportHandle, TargetKind = AuditTargets.Report, TargetId = $"{daysAgo}",
            At = now.AddDays(-daysAgo), ClientAddress = "203.0.113.7",
        };
        await app.SeedAsync([At(100), At(200), At(800)]);

        var report = await app.RetainAsync();

        Assert.Equal(1, report["audit-entries"]);
        var left = await app.AuditEntriesAsync();
        Assert.Equal(new (string, string?)[] { ("100", "203.0.113.7"), ("200", null) }, left.Select(e => (e.TargetId, e.ClientAddress)).OrderBy(e => e.TargetId));
        Assert.Equal(0, (await app.RetainAsync())["audit-addresses"]);
    }

    private static async Task<JsonElement[]> ExportAsync(HttpClient client, string section)
    {
        var response = await client.GetAsync("/api/v1/account/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry($"{section}.json")!.Open());
        return JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
