namespace Wehelpen.Web.Platform.PersonalData;

/// <summary>
/// One retention period of the register (docs/privacy/register.md), applied by the daily retention job. A feature
/// registers a rule for each kind of data it must not keep for ever (<c>services.AddRetentionRule&lt;T&gt;()</c>).
/// </summary>
public interface IRetentionRule
{
    /// <summary>Short and stable, for the logs and the job's result: "request-addresses".</summary>
    string Name { get; }

    /// <summary>Removes what is past its period at <paramref name="now"/>; returns how many items (never what they held).</summary>
    Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct);
}

/// <summary>The periods, bound from "Retention" (environment: Retention__NotificationDays, ...).</summary>
public sealed class RetentionOptions
{
    /// <summary>The address and phone of a finished, cancelled or expired request, and the record of who saw them: days after it closed.</summary>
    public int RequestAddressDays { get; set; } = 30;

    /// <summary>A repeating request's template (its words, address, phone): days after its last date. Its occurrences stay, as any request.</summary>
    public int RequestSeriesDays { get; set; } = 30;

    /// <summary>A regular volunteer's arrangement that was declined or ended: days after that. A live one lasts as long as its series.</summary>
    public int RegularVolunteerDays { get; set; } = 30;

    /// <summary>Notifications in a person's notification centre, read or not: days after they were made.</summary>
    public int NotificationDays { get; set; } = 180;

    /// <summary>Mail files in the mail folder (when no SMTP server is configured): days after they were written.</summary>
    public int MailFileDays { get; set; } = 30;

    /// <summary>An account nobody signed in to for this many days gets a mail ...</summary>
    public int InactiveAccountDays { get; set; } = 730;

    /// <summary>... and is erased this many days after that mail, unless they sign in.</summary>
    public int InactiveAccountWarningDays { get; set; } = 30;

    /// <summary>A session (where someone was signed in) after it ended, or after it timed out unused: days.</summary>
    public int EndedSessionDays { get; set; } = 30;

    /// <summary>The client address of an entry in the audit log (Platform/Audit): days after the action.</summary>
    public int AuditAddressDays { get; set; } = 183;

    /// <summary>The entries of the audit log themselves: days after the action.</summary>
    public int AuditEntryDays { get; set; } = 730;
}
