using System.Text.Json;
using Microsoft.Extensions.Options;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Platform.Email;

/// <summary>
/// Mail files in the mail folder are deleted <see cref="RetentionOptions.MailFileDays"/> after they were written, also
/// when an SMTP server took over since (the folder is then only what is left from before). A file's age is the
/// <see cref="StoredEmail.SentAt"/> inside it: the app's own clock at writing, which a copy or a restore of the folder
/// does not change, as it does the file's time. A file that cannot be read as a message (half a temporary file left by a
/// crash, anything else that ends in .json) goes by its file time instead. Files of other kinds are left alone.
/// </summary>
internal sealed class MailFileRetention(FolderEmailSender folder, IOptions<RetentionOptions> options, ILogger<MailFileRetention> logger) : IRetentionRule
{
    public string Name => "mail-files";

    public Task<int> ApplyAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (RetentionPeriod.Cutoff(now, options.Value.MailFileDays) is not { } cutoff || !Directory.Exists(folder.Folder)) return Task.FromResult(0);
        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(folder.Folder, "*.json").Concat(Directory.EnumerateFiles(folder.Folder, "*.tmp")))
        {
            ct.ThrowIfCancellationRequested();
            if (WrittenAt(file) is not { } written || written >= cutoff) continue;
            try
            {
                File.Delete(file);
                deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone already, or in use: the next run tries again.
                logger.LogWarning(e, "A mail file past its retention could not be deleted");
            }
        }
        return Task.FromResult(deleted);
    }

    /// <summary>Null when the file is gone.</summary>
    private static DateTimeOffset? WrittenAt(string file)
    {
        try
        {
            if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                && JsonSerializer.Deserialize<SentAtOnly>(File.ReadAllText(file)) is { SentAt: { } sentAt })
                return sentAt;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException) { }
        return File.Exists(file) ? new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero) : null;
    }

    private sealed record SentAtOnly(DateTimeOffset? SentAt);
}
