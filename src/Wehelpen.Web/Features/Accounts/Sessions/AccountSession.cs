using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Features.Accounts.Sessions;

/// <summary>How the person signed in: the login cookie of the pages, or the tokens of an app.</summary>
public enum SessionKind
{
    Page,
    App,
}

/// <summary>Why a session ended. Stored by name: a new reason is a new value.</summary>
public enum SessionEnd
{
    /// <summary>"Uitloggen" in the header, or the app's logout.</summary>
    LoggedOut,

    /// <summary>Ended from the list "Waar ben ik ingelogd" (page or API).</summary>
    EndedFromList,

    /// <summary>"Overal uitloggen".</summary>
    EndedEverywhere,

    /// <summary>Signed in again in the same browser: the new session takes this one's place.</summary>
    Replaced,

    PasswordChanged,
    PasswordReset,

    /// <summary>Two-step sign-in turned on, off or set up again: the other devices sign in again the new way.</summary>
    TwoStepChanged,

    /// <summary>A refresh token that was already used came again: someone else may have a copy of the app's tokens.</summary>
    RefreshTokenReused,
}

/// <summary>
/// One sign-in of a person, on a page (cookie) or in an app (tokens), from its start until it is ended. The cookie and
/// the tokens carry its id (<see cref="SessionClaims"/>); every request checks it is still open (<see cref="SessionGate"/>),
/// so ending it here ends it everywhere. Only a summary of the device is kept ("Firefox", "Windows"), never the full
/// User-Agent or an address.
/// </summary>
public sealed class AccountSession
{
    public const int DeviceMaxLength = 40;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public SessionKind Kind { get; set; }

    /// <summary>"Firefox", "Chrome", ...; null when the User-Agent named none we know.</summary>
    public string? Browser { get; set; }

    /// <summary>"Windows", "Android", "iPhone", ...; null when unknown.</summary>
    public string? System { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last request seen, written at most every <see cref="SessionGate.LastSeenInterval"/>.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
    public SessionEnd? EndReason { get; set; }

    public ApplicationUser? User { get; set; }
}

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> session)
    {
        session.ToTable("AccountSessions");
        session.Property(s => s.UserId).IsRequired();
        session.Property(s => s.Kind).HasConversion<string>().HasMaxLength(8);
        session.Property(s => s.Browser).HasMaxLength(AccountSession.DeviceMaxLength);
        session.Property(s => s.System).HasMaxLength(AccountSession.DeviceMaxLength);
        session.Property(s => s.EndReason).HasConversion<string>().HasMaxLength(24);
        session.HasIndex(s => s.UserId);
        session.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
