using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace Wehelpen.Web.Data;

/// <summary>
/// The Identity user: the account every feature refers to by its id. It lives with the DbContext, below the features;
/// what a feature keeps about a person sits in that feature's own table, keyed by the user's id (a volunteer's
/// settings: Features/Profiles), and the meaning of the place columns is Features/Locations' (PersonPlace).
/// </summary>
public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>As the person confirmed it, normalised: "1012 AB", or "1012" when they gave only the digits.</summary>
    public string? Postcode { get; set; }

    /// <summary>The four-digit area: the only location ever shown outside a care circle.</summary>
    public string? Pc4 { get; set; }

    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>"nl" or "en": used for pages after login and for every email to this person.</summary>
    public string PreferredLanguage { get; set; } = "nl";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The last sign-in (login, token refresh, or a session renewed), recorded at most once a day (Features/Accounts/SignInRecorder);
    /// null until the first since migration 0018, when <see cref="CreatedAt"/> counts instead.
    /// </summary>
    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>When the mail went out that an account nobody signs in to will be erased; cleared by signing in.</summary>
    public DateTimeOffset? InactivityWarnedAt { get; set; }

    /// <summary>
    /// The version of the privacy statement (Platform/PersonalData/PrivacyStatement) the person accepted when they registered, and
    /// when; null for accounts made before registration asked for it, and for accounts written straight into the database.
    /// </summary>
    public string? PrivacyStatementVersion { get; set; }

    public DateTimeOffset? PrivacyStatementAcceptedAt { get; set; }

    /// <summary>
    /// An account ready to log in, written straight into the database (demo data, the load benchmark) instead of
    /// registered: confirmed, with the stamps Identity expects and a hash made with its password hasher.
    /// </summary>
    public static ApplicationUser Confirmed(string email, string displayName, string passwordHash, ILookupNormalizer normalizer, DateTimeOffset createdAt) =>
        new()
        {
            UserName = email,
            NormalizedUserName = normalizer.NormalizeName(email),
            Email = email,
            NormalizedEmail = normalizer.NormalizeEmail(email),
            EmailConfirmed = true,
            PasswordHash = passwordHash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            DisplayName = displayName,
            LockoutEnabled = true,
            CreatedAt = createdAt,
        };
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(80).IsRequired();
        user.Property(u => u.Postcode).HasMaxLength(7);
        user.Property(u => u.Pc4).HasMaxLength(4);
        user.Property(u => u.PreferredLanguage).HasMaxLength(2).IsRequired();
        user.Property(u => u.PrivacyStatementVersion).HasMaxLength(20);
        user.HasIndex(u => u.Pc4);
    }
}
