using System.Text.Json;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Platform.Email;

/// <summary>
/// Mail written to the mail folder (when no SMTP server is configured) is a copy of what was sent, kept on disk: the
/// files addressed to an erased person go too, once the erasure is committed.
/// </summary>
internal sealed class MailFolderPersonalData(FolderEmailSender folder, ILogger<MailFolderPersonalData> logger) : IPersonalData
{
    public IEnumerable<PersonalColumn> Columns => [];

    public IEnumerable<ExportSection> Export(string userId) => [];

    public Task EraseAsync(PersonErasure erasure, CancellationToken ct)
    {
        if (erasure.Email is { Length: > 0 } email) erasure.AfterCommit(_ => Task.FromResult(DeleteAddressedTo(email)));
        return Task.CompletedTask;
    }

    private int DeleteAddressedTo(string email)
    {
        if (!Directory.Exists(folder.Folder)) return 0;
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder.Folder, "*.json"))
        {
            try
            {
                string? to;
                using (var stream = File.OpenRead(file))
                using (var mail = JsonDocument.Parse(stream))
                    to = mail.RootElement.GetProperty(nameof(StoredEmail.To)).GetString();
                if (!string.Equals(to, email, StringComparison.OrdinalIgnoreCase)) continue;
                File.Delete(file);
                deleted++;
            }
            catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException)
            {
                logger.LogWarning(e, "Could not read or delete mail file {File}", Path.GetFileName(file));
            }
        }
        logger.LogInformation("Deleted {Count} mail files of an erased account", deleted);
        return deleted;
    }
}
