using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;

namespace Wehelpen.Web.Tests.Accounts;

/// <summary>
/// Identity's own password hasher, counting its work: an answer that must take as long whether an address has an
/// account or not must do the same hashing for both (the login benchmark measures the time itself).
/// </summary>
public sealed class CountingHasher : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _inner = new();
    private int _hashed;
    private int _verified;

    public int Hashed => Volatile.Read(ref _hashed);
    public int Verified => Volatile.Read(ref _verified);

    public void Use(IServiceCollection services) => services.AddScoped<IPasswordHasher<ApplicationUser>>(_ => this);

    public string HashPassword(ApplicationUser user, string password)
    {
        Interlocked.Increment(ref _hashed);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
