using Microsoft.AspNetCore.Mvc;

namespace Wehelpen.Web.Features.Circles;

/// <summary>Who is in the circle, invitations, and the history of membership; managing is for the hoofdpersoon and coördinators.</summary>
public sealed class MembersModel(CircleManagement circles, CircleInvitations invitations) : CirclePageModel
{
    protected override CircleTab Tab => CircleTab.Members;

    public IReadOnlyList<MemberResponse> Members { get; private set; } = [];
    public IReadOnlyList<InvitationResponse> Invitations { get; private set; } = [];
    public IReadOnlyList<MembershipEventResponse> History { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    [BindProperty] public InviteInput Invite { get; set; } = new();
    [BindProperty] public RenameInput Rename { get; set; } = new();

    public sealed class InviteInput
    {
        public CircleRole Role { get; set; } = CircleRole.Member;
        public int? ValidDays { get; set; } = CircleInvitations.DefaultValidDays;
        public int? MaxUses { get; set; } = CircleInvitations.DefaultMaxUses;
    }

    public sealed class RenameInput
    {
        public string? Name { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostInviteAsync(CancellationToken ct) => ManageAsync(async () =>
        (await invitations.CreateAsync(Membership, new CreateInvitationRequest(Invite.Role, Invite.ValidDays, Invite.MaxUses), ct))
            .Failed(ModelState, nameof(Invite)) ? null : "Members.InvitationCreated", ct);

    public Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken ct) => ManageAsync(async () =>
        (await invitations.RevokeAsync(Membership, invitationId, ct)).Failed(ModelState) ? null : "Members.InvitationRevoked", ct);

    public Task<IActionResult> OnPostRoleAsync(string userId, CircleRole role, CancellationToken ct) => ManageAsync(async () =>
        (await circles.ChangeRoleAsync(Membership, userId, new ChangeRoleRequest(role), ct)).Failed(ModelState) ? null : "Members.RoleChanged", ct);

    public Task<IActionResult> OnPostRemoveAsync(string userId, CancellationToken ct) => ManageAsync(async () =>
        (await circles.RemoveAsync(Membership, userId, ct)).Failed(ModelState) ? null : "Members.Removed", ct);

    public Task<IActionResult> OnPostRenameAsync(CancellationToken ct) => ManageAsync(async () =>
        (await circles.RenameAsync(Membership, new RenameCircleRequest(Rename.Name), ct)).Failed(ModelState, nameof(Rename)) ? null : "Members.Renamed", ct);

    public async Task<IActionResult> OnPostLeaveAsync(CancellationToken ct)
    {
        if (!(await circles.LeaveAsync(Membership, ct)).Failed(ModelState))
        {
            TempData["LeftCircle"] = Membership.CircleName;
            return Redirect("/circles");
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Runs a manager's action; shows the page again with its messages, or goes back with a notice.</summary>
    private async Task<IActionResult> ManageAsync(Func<Task<string?>> action, CancellationToken ct)
    {
        if (!Membership.CanManage) return Forbid();
        var notice = await action();
        if (notice is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Notice = notice;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Members = await circles.MembersAsync(Membership.CircleId, ct);
        History = await circles.HistoryAsync(Membership.CircleId, ct);
        if (Membership.CanManage) Invitations = await invitations.ListAsync(Membership.CircleId, ct);
        Rename.Name ??= Membership.CircleName;
    }
}
