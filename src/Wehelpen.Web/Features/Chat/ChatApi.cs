using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Wehelpen.Web.Features.Accounts;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Hosting;
using Wehelpen.Web.Platform.PersonalData;
using Wehelpen.Web.Platform.RateLimiting;

namespace Wehelpen.Web.Features.Chat;

/// <summary>
/// The chat for apps, beside the hub: a circle's chat under /api/v1/circles/{circleId}/chat (members only), a
/// request's thread under /api/v1/requests/{requestId}/chat, and my unread counts. Sending names a client message id,
/// so that a send repeated after a lost answer stores the message once and answers with it again.
/// </summary>
internal static class ChatApi
{
    public static void MapChatApi(this WebApplication app)
    {
        var circle = app.MapCircleApiGroup("Chat").MapGroup("/chat");
        circle.MapGet("/", (Guid circleId, long? before, long? after, int? limit, ClaimsPrincipal user, Conversations chat, CancellationToken ct) =>
            HistoryAsync(ChatTarget.Circle(circleId), before, after, limit, user, chat, ct));
        circle.MapPost("/", (Guid circleId, SendChatInput input, ClaimsPrincipal user, Conversations chat, CancellationToken ct) =>
            SendAsync(ChatTarget.Circle(circleId), input, user, chat, ct)).RequireRateLimiting(ChatExtensions.SendLimit);
        circle.MapPost("/read", (Guid circleId, MarkReadInput input, ClaimsPrincipal user, Conversations chat, CancellationToken ct) =>
            MarkReadAsync(ChatTarget.Circle(circleId), input, user, chat, ct));

        var request = app.MapGroup("/api/v1/requests/{requestId:guid}/chat").WithTags("Chat").RequireAuthorization(AccountsExtensions.ApiPolicy);
        request.MapGet("/", (Guid requestId, long? before, long? after, int? limit, ClaimsPrincipal user, Conversations chat, CancellationToken ct) =>
            HistoryAsync(ChatTarget.Request(requestId), before, after, limit, user, chat, ct));
        request.MapPost("/", (Guid requestId, SendChatInput input, ClaimsPrincipal user, Conversations chat, CancellationToken ct) =>
            SendAsync(ChatTarget.Request(requestId), input, user, chat, ct)).RequireRateLimiting(ChatExtensions.SendLimit);
        request.MapPost("/read", (Guid requestId, MarkReadInput input, ClaimsPrincipal user, Conversations chat, CancellationToken ct) =>
            MarkReadAsync(ChatTarget.Request(requestId), input, user, chat, ct));

        app.MapGet("/api/v1/chat/unread", async (ClaimsPrincipal user, Conversations chat, CancellationToken ct) =>
                TypedResults.Ok(await chat.UnreadAsync(user.RequiredUserId(), ct)))
            .WithTags("Chat").RequireAuthorization(AccountsExtensions.ApiPolicy);
    }

    private static async Task<Results<Ok<ChatPage>, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        ChatTarget target, long? before, long? after, int? limit, ClaimsPrincipal user, Conversations chat, CancellationToken ct) =>
        (await chat.HistoryAsync(user.RequiredUserId(), target, new ChatHistoryQuery(before, after, limit), ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<Ok<ChatMessageResponse>, ValidationProblem, ProblemHttpResult>> SendAsync(
        ChatTarget target, SendChatInput input, ClaimsPrincipal user, Conversations chat, CancellationToken ct) =>
        (await chat.SendAsync(user.RequiredUserId(), target, input, ct)).ToApi(TypedResults.Ok);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> MarkReadAsync(
        ChatTarget target, MarkReadInput input, ClaimsPrincipal user, Conversations chat, CancellationToken ct) =>
        (await chat.MarkReadAsync(user.RequiredUserId(), target, input, ct)).ToApi(_ => TypedResults.NoContent());
}

public static class ChatExtensions
{
    /// <summary>Sending a chat message, through the API, a page or the hub: one allowance per person for all of them.</summary>
    public const string SendLimit = "chat-send";

    public static WebApplicationBuilder AddChat(this WebApplicationBuilder builder)
    {
        builder.AddRateLimit(new RateLimitRule(SendLimit, 30, TimeSpan.FromMinutes(1))
            { Setting = "ChatMessagesPerMinute", DetailKey = "RateLimit.Chat.Detail" });
        builder.Services.AddScoped<ChatAccess>();
        builder.Services.AddScoped<ChatStore>();
        builder.Services.AddScoped<ChatBatch>();
        builder.Services.AddSingleton<ChatWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ChatWriter>());
        builder.Services.AddSingleton<ChatMetrics>();
        builder.Services.AddScoped<Conversations>();
        builder.Services.AddSingleton<ChatNews>();
        builder.Services.AddSingleton<ChatPushes>();
        builder.Services.AddScoped<INewCirclePart, CircleThread>();
        builder.Services.AddScoped<IMemberJoined, ChatJoinMarker>();
        builder.Services.AddPersonalData<ChatPersonalData>();
        return builder;
    }

    public static WebApplication MapChat(this WebApplication app)
    {
        app.MapChatApi();
        return app;
    }
}
