using Microsoft.AspNetCore.Http.HttpResults;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Logbook;

/// <summary>/api/v1/circles/{circleId}/logbook: newest first, a page at a time; authors correct their own entries.</summary>
internal static class LogbookApi
{
    public static void MapLogbookApi(this WebApplication app)
    {
        var logbook = app.MapCircleApiGroup("Logbook").MapGroup("/logbook");
        logbook.MapGet("/", async (CircleMembership me, CircleLogbook entries, CancellationToken ct, int page = 1, int pageSize = CircleLogbook.DefaultPageSize) =>
            TypedResults.Ok(await entries.PageAsync(me, page, pageSize, ct)));
        logbook.MapGet("/{entryId:guid}", async Task<Results<Ok<LogbookEntryResponse>, NotFound>> (Guid entryId, CircleMembership me, CircleLogbook entries, CancellationToken ct) =>
            await entries.FindAsync(me, entryId, ct) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound());
        logbook.MapPost("/", async (LogbookEntryRequest request, CircleMembership me, CircleLogbook entries, CancellationToken ct) =>
            (await entries.WriteAsync(me, request, ct)).ToApi(e => TypedResults.Created($"/api/v1/circles/{me.CircleId}/logbook/{e.Id}", e)));
        logbook.MapPut("/{entryId:guid}", async (Guid entryId, LogbookEntryRequest request, CircleMembership me, CircleLogbook entries, CancellationToken ct) =>
            (await entries.CorrectAsync(me, entryId, request, ct)).ToApi(TypedResults.Ok));
    }
}

public static class LogbookExtensions
{
    public static WebApplicationBuilder AddLogbook(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CircleLogbook>();
        builder.Services.AddPersonalData<LogbookPersonalData>();
        return builder;
    }

    public static WebApplication MapLogbook(this WebApplication app)
    {
        app.MapLogbookApi();
        return app;
    }
}
