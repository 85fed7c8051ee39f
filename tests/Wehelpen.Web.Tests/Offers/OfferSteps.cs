using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Offers;

/// <summary>Neighbours with a postcode, their offers, and requests asked through them, set up through the API.</summary>
public static class OfferSteps
{
    /// <summary>A person living in <paramref name="postcode"/> (a volunteer unless told otherwise); their API client and id.</summary>
    public static async Task<(HttpClient Client, string UserId)> NeighbourAsync(
        this WehelpenApplication app, string name, string? postcode, params string[] roles)
    {
        var email = CircleSteps.EmailOf(name);
        var id = await app.RegisterConfirmedAsync(email, name, roles.Length == 0 ? ["volunteer"] : roles, postcode);
        return (await app.LoginAsync(email), id);
    }

    /// <summary>Makes an existing person an administrator (nobody can choose that) and logs them in again.</summary>
    public static async Task<HttpClient> AdministratorAsync(this WehelpenApplication app, string name)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = await users.FindByEmailAsync(CircleSteps.EmailOf(name));
            Assert.True((await users.AddToRoleAsync(user!, Roles.Admin)).Succeeded);
        }
        return await app.LoginAsync(CircleSteps.EmailOf(name));
    }

    public static async Task<JsonElement> PublishAsync(this HttpClient volunteer, string category, string text, object[]? availability = null)
    {
        var response = await volunteer.PostAsJsonAsync("/api/v1/offers", new { category, text, availability });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> BrowseAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/v1/offers" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The volunteers' first names in the order the list shows them.</summary>
    public static string[] Names(this JsonElement offers) =>
        offers.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("volunteerFirstName").GetString()!).ToArray();

    /// <summary>Posts a flexible request for the circle, in 1055, with whatever else is given.</summary>
    public static Task<HttpResponseMessage> AskAsync(this HttpClient member, Guid circleId, Guid? offerId = null, string? category = null, string title = "Boodschappen voor Jan") =>
        member.PostAsJsonAsync($"/api/v1/circles/{circleId}/requests", new
        {
            category,
            title,
            flexible = true,
            before = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(5)).ToString("yyyy-MM-dd"),
            postcode = "1055 KL",
            offerId,
        });
}
