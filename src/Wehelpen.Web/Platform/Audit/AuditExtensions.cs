using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Platform.Audit;

public static class AuditExtensions
{
    /// <summary>The audit log's writing side, for the features to record their administrative actions with.</summary>
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AuditTrail>();
        services.AddPersonalData<AuditPersonalData>();
        services.AddRetentionRule<AuditAddressRetention>();
        services.AddRetentionRule<AuditEntryRetention>();
        return services;
    }
}
