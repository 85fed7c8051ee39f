namespace Wehelpen.Web.Platform.PersonalData;

/// <summary>A registered retention rule's type: the retention job makes each one in a scope of its own.</summary>
public sealed record RetentionRuleType(Type Type);

public static class RetentionRuleExtensions
{
    /// <summary>
    /// Registers one of a feature's retention periods (scoped: it uses the scope's DbContext). The daily retention job
    /// (Features/Privacy/Retention) applies every registered rule, each in its own scope.
    /// </summary>
    public static IServiceCollection AddRetentionRule<T>(this IServiceCollection services) where T : class, IRetentionRule
    {
        if (services.Any(d => d.ServiceType == typeof(RetentionRuleType) && d.ImplementationInstance is RetentionRuleType { } r && r.Type == typeof(T)))
            return services;
        services.AddScoped<T>();
        services.AddScoped<IRetentionRule>(sp => sp.GetRequiredService<T>());
        return services.AddSingleton(new RetentionRuleType(typeof(T)));
    }
}

public static class RetentionPeriod
{
    /// <summary>
    /// What was made (or closed) before this moment is past a period of <paramref name="days"/>; null when the period is
    /// 0 or less, which turns the rule off (kept for ever) rather than removing everything at once.
    /// </summary>
    public static DateTimeOffset? Cutoff(DateTimeOffset now, int days) => days > 0 ? now.AddDays(-days) : null;
}
