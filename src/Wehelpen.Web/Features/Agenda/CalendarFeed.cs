using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Features.Accounts;

namespace Wehelpen.Web.Features.Agenda;

/// <summary>
/// A person's private iCalendar feed: one secret token per person, covering all the circles they are in.
/// The token is stored as it is, not hashed: the person must be able to see their link again (to add it to a second
/// phone), and it gives nothing but read access to appointments that anyone able to read this table can read
/// anyway. 32 random bytes cannot be guessed; a new token replaces the old one, whose link then answers 404.
/// </summary>
public sealed class CalendarFeed
{
    public const int TokenMaxLength = 64;

    public string UserId { get; set; } = "";
    public string Token { get; set; } = NewToken();
    public DateTimeOffset CreatedAt { get; set; }

    public ApplicationUser? User { get; set; }

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> feed)
    {
        feed.ToTable("CalendarFeeds");
        feed.HasKey(f => f.UserId);
        feed.HasOne(f => f.User).WithOne().HasForeignKey<CalendarFeed>(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        feed.Property(f => f.Token).HasMaxLength(CalendarFeed.TokenMaxLength);
        feed.HasIndex(f => f.Token).IsUnique();
    }
}
