namespace Wehelpen.Web.Features.Profiles;

/// <summary>What a volunteer helps with; a request has exactly one of these.</summary>
[Flags]
public enum HelpCategories
{
    None = 0,
    Shopping = 1,        // boodschappen
    Transport = 2,       // vervoer (naar ziekenhuis, huisarts)
    Company = 4,         // gezelschap
    OddJobs = 8,         // klusjes
    Administration = 16, // administratie
    Other = 32,          // anders
}

public static class HelpCategory
{
    public static readonly IReadOnlyList<HelpCategories> Each =
        [HelpCategories.Shopping, HelpCategories.Transport, HelpCategories.Company,
         HelpCategories.OddJobs, HelpCategories.Administration, HelpCategories.Other];

    public static IEnumerable<HelpCategories> Split(HelpCategories categories) =>
        Each.Where(c => categories.HasFlag(c));
}
