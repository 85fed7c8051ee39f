using Wehelpen.Web.Features.Reminders;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Agenda;

public static class AgendaExtensions
{
    public static WebApplicationBuilder AddAgenda(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AgendaPlanner>();
        builder.Services.AddScoped<IReminderSource, AppointmentReminders>();
        builder.Services.AddScoped<CalendarFeeds>();
        builder.Services.AddPersonalData<AgendaPersonalData>();
        return builder;
    }

    public static WebApplication MapAgenda(this WebApplication app)
    {
        app.MapAgendaApi();
        return app;
    }
}
