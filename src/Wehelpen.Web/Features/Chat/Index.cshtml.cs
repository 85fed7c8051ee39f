using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;
using Wehelpen.Web.Platform.Live;

namespace Wehelpen.Web.Features.Chat;

/// <summary>/circles/{id}/chat: the circle's chat, newest messages at the bottom, older ones a page back; who is here now.</summary>
[EnableRateLimiting(ChatExtensions.SendLimit)]
public sealed class IndexModel(Conversations conversations, ILiveSender live, WehelpenDbContext db, IStringLocalizer<SharedResource> text) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Chat;

    [FromQuery(Name = "before")] public long? Before { get; set; }
    [BindProperty] public ChatForm Message { get; set; } = ChatForm.New();
    public ChatThreadView Thread { get; private set; } = default!;
    public IReadOnlyList<string> Online { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var sent = await conversations.SendAsync(Membership.UserId, ChatTarget.Circle(Membership.CircleId), Message.ToInput(), ct);
        if (ChatForm.Failed(sent, ModelState))
        {
            Before = null;
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/circles/{Membership.CircleId}/chat#chat-form");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var target = ChatTarget.Circle(Membership.CircleId);
        var page = (await conversations.HistoryAsync(Membership.UserId, target, new ChatHistoryQuery(Before), ct)).Value!;
        var root = $"/circles/{Membership.CircleId}/chat";
        var newest = Before is null || page.Messages.Count == 0 || page.Messages[^1].Seq >= page.LastSeq;
        // Reading the newest messages is reading them: the unread count of this circle goes to nought (when it was not already).
        if (newest && page.LastSeq > page.LastReadSeq) await conversations.MarkReadAsync(Membership.UserId, target, new MarkReadInput(page.LastSeq), ct);
        Thread = new ChatThreadView(page, text["Chat.Heading"], Membership.UserId, Message, root,
            page.HasMore && page.Messages.Count > 0 ? $"{root}?before={page.Messages[0].Seq}" : null,
            newest ? null : root);
        var members = await db.Set<CircleMember>().Where(m => m.CircleId == Membership.CircleId)
            .Select(m => new { m.UserId, m.User!.DisplayName }).ToListAsync(ct);
        var online = await live.OnlineAsync(members.Select(m => m.UserId));
        Online = members.Where(m => m.UserId != Membership.UserId && online.Contains(m.UserId)).Select(m => m.DisplayName)
            .Order(StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
