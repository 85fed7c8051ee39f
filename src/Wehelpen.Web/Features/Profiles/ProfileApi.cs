using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Platform.PersonalData;

namespace Wehelpen.Web.Features.Profiles;

/// <summary>/api/v1/profile: the signed-in person's own profile; nobody reads or writes another's here.</summary>
internal static class ProfileApi
{
    public static void MapProfileApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/profile").WithTags("Profile").RequireAuthorization(AccountsExtensions.ApiPolicy);
        group.MapGet("/", GetAsync);
        group.MapPut("/", UpdateAsync);
    }

    private static async Task<Results<Ok<ProfileResponse>, NotFound>> GetAsync(ClaimsPrincipal principal, ProfileEditor editor, CancellationToken ct) =>
        await editor.GetAsync(principal.RequiredUserId(), ct) is { } profile ? TypedResults.Ok(profile) : TypedResults.NotFound();

    private static async Task<Results<Ok<ProfileResponse>, ValidationProblem>> UpdateAsync(
        ProfileUpdate update, ClaimsPrincipal principal, ProfileEditor editor, CancellationToken ct)
    {
        var (profile, errors) = await editor.UpdateAsync(principal.RequiredUserId(), update, ct);
        return profile is null ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(profile);
    }
}

public static class ProfilesExtensions
{
    public static WebApplicationBuilder AddProfiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProfileEditor>();
        builder.Services.AddScoped<PersonRows>();
        builder.Services.AddPersonalData<ProfilePersonalData>();
        return builder;
    }

    public static WebApplication MapProfiles(this WebApplication app)
    {
        app.MapProfileApi();
        return app;
    }
}
