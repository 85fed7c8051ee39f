using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Notes;

public static class NotesExtensions
{
    public static WebApplicationBuilder AddNotes(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CircleNotes>();
        builder.Services.AddScoped<NoteActivity>();
        builder.Services.AddPersonalData<NotesPersonalData>();
        return builder;
    }

    public static WebApplication MapNotes(this WebApplication app)
    {
        app.MapNotesApi();
        return app;
    }
}
