using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Platform.Email;

public static class EmailExtensions
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Email");
        builder.Services.Configure<EmailOptions>(section);
        builder.Services.AddSingleton<FolderEmailSender>();
        builder.Services.AddSingleton<EmailMetrics>();
        if (string.IsNullOrWhiteSpace(section["Smtp:Host"]))
            builder.Services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<FolderEmailSender>());
        else
        {
            builder.Services.AddSingleton<SmtpConnections>();
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        builder.Services.AddScoped<EmailLinks>();
        builder.Services.AddPersonalData<MailFolderPersonalData>();
        builder.Services.AddRetentionRule<MailFileRetention>();
        builder.Services.AddHostedService<EmailSettingsCheck>();
        return builder;
    }
}
