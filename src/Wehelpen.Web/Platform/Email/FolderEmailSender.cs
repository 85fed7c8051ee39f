using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Wehelpen.Web.Platform.Email;

/// <summary>
/// The default when no SMTP server is configured: each message becomes one JSON file in the mail folder, which
/// the development mail page lists. The file is written under a temporary name and then renamed, so a reader
/// never sees half a message.
/// </summary>
public sealed class FolderEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<FolderEmailSender> logger)
    : IEmailSender
{
    public string Folder => Path.Combine(environment.ContentRootPath, options.Value.Folder);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var stored = new StoredEmail(message.Id ?? Guid.NewGuid().ToString("N"), clock.GetUtcNow(), options.Value.From, message.To, message.Subject, message.TextBody, message.HtmlBody);
        // A message with an id of its own is one file, however often it is handed over.
        var name = message.Id is null ? $"{stored.SentAt.UtcDateTime:yyyyMMddHHmmssfff}-{stored.Id}.json" : $"{stored.Id}.json";
        var temporary = Path.Combine(Folder, name + "." + Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(stored), cancellationToken);
        File.Move(temporary, Path.Combine(Folder, name), overwrite: true);
        // The file's name, not the subject: subjects carry request titles and names (logs hold no one's words).
        logger.LogInformation("Wrote email {File} to {Folder}", name, Folder);
    }

    public IReadOnlyList<StoredEmail> ReadAll() =>
        !Directory.Exists(Folder)
            ? []
            : Directory.EnumerateFiles(Folder, "*.json")
                .Select(f => JsonSerializer.Deserialize<StoredEmail>(File.ReadAllText(f))!)
                .OrderByDescending(m => m.SentAt)
                .ToList();
}

public sealed record StoredEmail(string Id, DateTimeOffset SentAt, string From, string To, string Subject, string TextBody, string HtmlBody);
