namespace Wehelpen.Web.Features.Accounts;

/// <summary>The roles a person can hold; one person may hold several.</summary>
public static class Roles
{
    public const string Resident = "resident";
    public const string Carer = "carer";
    public const string Volunteer = "volunteer";
    public const string Professional = "professional";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Resident, Carer, Volunteer, Professional, Admin];

    /// <summary>What people may choose for themselves; admin is only ever granted.</summary>
    public static readonly IReadOnlyList<string> SelfChosen = [Resident, Carer, Volunteer, Professional];
}
