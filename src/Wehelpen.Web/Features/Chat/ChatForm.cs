using Microsoft.AspNetCore.Mvc.ModelBinding;
using Wehelpen.Web.Hosting;

namespace Wehelpen.Web.Features.Chat;

/// <summary>
/// The message form of a page, bound under "Message". Its client message id is made when the page is drawn, so pressing
/// "Versturen" twice (or sending again after a reload of the answer) stores the message once.
/// </summary>
public sealed class ChatForm
{
    public string? ClientMessageId { get; set; }
    public string? Text { get; set; }

    public static ChatForm New() => new() { ClientMessageId = Guid.NewGuid().ToString("N") };

    public SendChatInput ToInput() => new(ClientMessageId, Text);

    /// <summary>On a page: false when it was sent; otherwise the messages are on the model state and the text stays in the form.</summary>
    public static bool Failed(Outcome<ChatMessageResponse> outcome, ModelStateDictionary modelState) =>
        outcome.Failed(modelState, "Message");
}

/// <summary>What the thread partial draws: one page of a conversation, its form and where the form posts.</summary>
/// <param name="FormAction">The page handler the form posts to (without JavaScript).</param>
/// <param name="OlderUrl">The page with the messages before these; null when these are the first.</param>
/// <param name="NewerUrl">Back to the newest messages; null when these are the newest.</param>
public sealed record ChatThreadView(
    ChatPage Page, string Heading, string UserId, ChatForm Message, string FormAction, string? OlderUrl, string? NewerUrl);
