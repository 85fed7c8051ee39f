using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>
/// A person's private iCalendar feed: one secret per person, covering all the circles they are in. Only the SHA-256
/// of the secret is stored, so that a copy of the database (a backup) opens no one's agenda; the link can therefore
/// be shown only in the answer that made it. A fast hash is right here: the secret is 32 random bytes, not a
/// password, so there is nothing to try in a dictionary. A new secret replaces the old one, whose link then answers 404.
/// </summary>
public sealed class CalendarFeed
{
    public const int TokenHashLength = 64;

    public string UserId { get; set; } = "";

    /// <summary>SHA-256 of the secret in the link, lowercase hex (migration 0020 made it from the secrets stored before).</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>When the current link was made (or last renewed): the person's export says a feed exists since then.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    public ApplicationUser? User { get; set; }

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> feed)
    {
        feed.ToTable("CalendarFeeds");
        feed.HasKey(f => f.UserId);
        feed.HasOne(f => f.User).WithOne().HasForeignKey<CalendarFeed>(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        feed.Property(f => f.TokenHash).HasMaxLength(CalendarFeed.TokenHashLength);
        feed.HasIndex(f => f.TokenHash).IsUnique();
    }
}
