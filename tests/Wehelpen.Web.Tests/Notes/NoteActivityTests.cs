using Microsoft.Extensions.DependencyInjection;
using Wehelpen.Web.Features.Notes;
using Wehelpen.Web.Tests.Circles;

namespace Wehelpen.Web.Tests.Notes;

/// <summary>What the workload and the circle overview get from notes.</summary>
public sealed class NoteActivityTests
{
    private static readonly DateTimeOffset Ten = new(2030, 3, 1, 10, 0, 0, TimeSpan.Zero);

    // The clock moves by minutes: the test's login tokens are valid for an hour of it.

    [Theory, BothDatabases]
    public async Task Saves_are_counted_per_member_within_a_UTC_range_including_saves_on_pages_deleted_since(DatabaseProvider provider)
    {
        var clock = new TestClock(Ten);
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var (c, noteId) = await app.CircleWithNoteAsync("Medicatie", "een");   // Carla 10:00
        clock.Now = Ten.AddMinutes(10);
        await c.Member.SaveNoteAsync(c.CircleId, noteId, "twee", 1);                          // Mo 10:10
        clock.Now = Ten.AddMinutes(20);
        await c.Coordinator.SaveNoteAsync(c.CircleId, noteId, "drie", 2);                     // Carla 10:20
        var other = await c.Member.CreateNoteAsync(c.CircleId, "Boodschappen", "melk");       // Mo 10:20
        await c.Member.DeleteAsync($"{NoteSteps.NotesPath(c.CircleId)}/{other}");
        await c.Stranger.CreateNoteAsync(c.OtherCircleId, "Elders", "niet meetellen");        // another circle

        var counts = await app.QueryAsync(db => new NoteActivity(db).SavesPerMemberAsync(
            c.CircleId, Ten.AddMinutes(5), Ten.AddMinutes(20), CancellationToken.None));
        var all = await app.QueryAsync(db => new NoteActivity(db).SavesPerMemberAsync(
            c.CircleId, Ten.ToOffset(TimeSpan.FromHours(1)), Ten.AddMinutes(30), CancellationToken.None));

        Assert.Equal(new Dictionary<string, int> { [c.MemberId] = 1 }, counts); // 10:20 is the end of the range: not in it
        Assert.Equal(new Dictionary<string, int> { [c.CoordinatorId] = 2, [c.MemberId] = 2 }, all);
    }

    [Theory, BothDatabases]
    public async Task The_overview_gets_the_three_most_recently_changed_pages_newest_first(DatabaseProvider provider)
    {
        var clock = new TestClock(Ten);
        await using var app = await WehelpenApplication.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var c = await app.TwoCirclesAsync();
        var ids = new Dictionary<string, Guid>();
        foreach (var (title, minute) in new[] { ("Medicatie", 1), ("Contactpersonen", 2), ("Wensen", 3), ("Boodschappen", 4), ("Sleutels", 5) })
        {
            clock.Now = Ten.AddMinutes(minute);
            ids[title] = await c.Coordinator.CreateNoteAsync(c.CircleId, title, "tekst");
        }
        clock.Now = Ten.AddMinutes(6);
        await c.Member.SaveNoteAsync(c.CircleId, ids["Medicatie"], "nieuw", 1);
        await c.Coordinator.DeleteAsync($"{NoteSteps.NotesPath(c.CircleId)}/{ids["Sleutels"]}");

        var recent = await app.QueryAsync(db => new NoteActivity(db).RecentlyChangedAsync(c.CircleId, CancellationToken.None));

        Assert.Equal(["Medicatie", "Boodschappen", "Wensen"], recent.Select(n => n.Title));
        Assert.Equal(("Mo Lid", Ten.AddMinutes(6)), (recent[0].ChangedByName, recent[0].ChangedAt));
    }
}
