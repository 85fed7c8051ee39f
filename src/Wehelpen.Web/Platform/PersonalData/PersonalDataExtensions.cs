namespace Wehelpen.Web.Platform.PersonalData;

public static class PersonalDataExtensions
{
    /// <summary>Registers a feature's share of a person's data (scoped: it uses the request's DbContext).</summary>
    public static IServiceCollection AddPersonalData<T>(this IServiceCollection services) where T : class, IPersonalData
    {
        services.AddScoped<CircleEraser>();
        return services.AddScoped<IPersonalData, T>();
    }
}
