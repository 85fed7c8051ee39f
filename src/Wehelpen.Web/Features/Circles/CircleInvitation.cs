using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Wehelpen.Web.Features.Circles;

/// <summary>
/// An invitation to join a circle, usable through a link (long secret token) or a short code that can be read out
/// over the phone. It ends at its expiry, after its maximum number of uses, or when revoked.
/// </summary>
public sealed class CircleInvitation
{
    public const int MaxUsesLimit = 50;
    public const int MaxValidDays = 30;

    // No 0/O, 1/I/L, 2/Z, 5/S, 8/B: letters and digits that are confused when read aloud or written down.
    private const string CodeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679";
    public const int CodeLength = 8;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid CircleId { get; set; }
    public string Token { get; set; } = "";
    public string Code { get; set; } = "";
    public CircleRole Role { get; set; }
    public int MaxUses { get; set; }
    public int Uses { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string CreatedById { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public Circle? Circle { get; set; }

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now && Uses < MaxUses;

    /// <summary>"KM7R-TX3A": easier to read out in two halves.</summary>
    public string DisplayCode => $"{Code[..4]}-{Code[4..]}";

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewCode() =>
        string.Create(CodeLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        });

    /// <summary>What a person typed, as stored: "km7r tx3a" and "KM7R-TX3A" are the same code.</summary>
    public static string NormaliseCode(string typed) =>
        new(typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class CircleInvitationConfiguration : IEntityTypeConfiguration<CircleInvitation>
{
    public void Configure(EntityTypeBuilder<CircleInvitation> invitation)
    {
        invitation.ToTable("CircleInvitations");
        invitation.HasOne(i => i.Circle).WithMany().HasForeignKey(i => i.CircleId).OnDelete(DeleteBehavior.Cascade);
        invitation.Property(i => i.Token).HasMaxLength(64);
        invitation.Property(i => i.Code).HasMaxLength(CircleInvitation.CodeLength);
        invitation.Property(i => i.Role).HasConversion<string>().HasMaxLength(16);
        invitation.HasIndex(i => i.Token).IsUnique();
        invitation.HasIndex(i => i.Code).IsUnique();
        invitation.HasIndex(i => i.CircleId);
    }
}
