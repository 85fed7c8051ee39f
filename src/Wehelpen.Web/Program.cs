using Wehelpen.Web.Data;
using Wehelpen.Web.Demo;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Agenda;
using Wehelpen.Web.Features.App;
using Wehelpen.Web.Features.Audit;
using Wehelpen.Web.Features.Chat;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Platform.Cluster;
using Wehelpen.Web.Platform.Email;
using Wehelpen.Web.Features.Live;
using Wehelpen.Web.Features.Locations;
using Wehelpen.Web.Features.Logbook;
using Wehelpen.Web.Features.Push;
using Wehelpen.Web.Features.Matching;
using Wehelpen.Web.Features.Neighbourhoods;
using Wehelpen.Web.Features.Notifications;
using Wehelpen.Web.Features.Notes;
using Wehelpen.Web.Features.Offers;
using Wehelpen.Web.Features.Privacy;
using Wehelpen.Web.Features.Privacy.Statement;
using Wehelpen.Web.Features.Privacy.Retention;
using Wehelpen.Web.Features.Profiles;
using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Features.Reports;
using Wehelpen.Web.Features.Requests;
using Wehelpen.Web.Features.Jobs;
using Wehelpen.Web.Features.Requests.Digest;
using Wehelpen.Web.Features.Thanks;
using Wehelpen.Web.Features.Workload;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Localization;
using Wehelpen.Web.Platform.Audit;
using Wehelpen.Web.Platform.Scheduling;
using Wehelpen.Web.Platform.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddWebPlumbing();
builder.AddTelemetry();
builder.AddInterfaceLanguages();
builder.AddDatabase();
builder.Services.AddAuditTrail();
builder.AddCluster();
builder.AddScheduling();
builder.AddJobs();
builder.AddLocations();
builder.AddEmail();
builder.AddAccounts();
builder.AddProfiles();
builder.AddCircles();
builder.AddLogbook();
builder.AddAgenda();
builder.AddNotes();
builder.AddRequests();
builder.AddMatching();
builder.AddOffers();
builder.AddReports();
builder.AddWorkload();
builder.AddChat();
builder.AddLive();
builder.AddPush();
builder.AddNotifications();
builder.AddReminders();
builder.AddDigest();
builder.AddNeighbourhoods();
builder.AddThanks();
builder.AddPrivacy();
builder.AddPrivacyStatement();
builder.AddRetention();
builder.AddAuditLog();
builder.AddApp();
builder.AddDemoData();

var app = builder.Build();

if (SchemaScriptCommand.IsRequested(args))
{
    SchemaScriptCommand.Run(app);
    return;
}

await app.MigrateDatabaseAsync();
await app.EnsureRolesAsync();
await app.SeedDemoDataAsync();
await app.LoadMatchingAsync();

app.UseWebPlumbing();
app.MapLocations();
app.MapAccounts();
app.MapProfiles();
app.MapCircles();
app.MapLogbook();
app.MapAgenda();
app.MapNotes();
app.MapRequests();
app.MapOffers();
app.MapReports();
app.MapWorkload();
app.MapChat();
app.MapLive();
app.MapPush();
app.MapNotifications();
app.MapNeighbourhoods();
app.MapThanks();
app.MapPrivacy();
app.MapJobs();
app.MapAuditLog();
app.MapApp();
// The scrape names no person, but shows how busy the service is: for administrators (and their scraper's token) only.
app.MapTelemetry().RequireAuthorization(AccountsExtensions.ApiAdminPolicy);

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
