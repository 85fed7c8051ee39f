namespace Wehelpen.Matching.Tests;

internal static class RandomChanges
{
    /// <summary>Moves, new people, leavers, new stats, new, moved and closed requests: in the engine and in the world alike.</summary>
    public static void Change(this RandomWorld world, MatchingEngine engine, int changes)
    {
        for (var i = 0; i < changes; i++)
        {
            switch (world.Random.Next(10))
            {
                case < 4:
                    var moved = world.NewVolunteer(world.SomeVolunteer().Volunteer.Id);
                    var stats = world.NewStats();
                    engine.Upsert(moved, stats);
                    world.Put(moved, stats);
                    break;
                case < 5:
                    var added = world.NewVolunteer(world.NewId());
                    engine.Upsert(added, VolunteerStats.None);
                    world.Put(added, VolunteerStats.None);
                    break;
                case < 7:
                    var leaver = world.SomeId();
                    Assert.Equal(world.Volunteers.Remove(leaver), engine.Remove(leaver));
                    break;
                case < 9:
                    var (volunteer, _) = world.SomeVolunteer();
                    var newStats = world.NewStats();
                    engine.UpdateStats(volunteer.Id, newStats);
                    world.Put(volunteer, newStats);
                    break;
                default:
                    ChangeARequest(world, engine);
                    break;
            }
        }
        Assert.Equal(world.Volunteers.Count, engine.VolunteerCount);
        Assert.Equal(world.Requests.Count, engine.RequestCount);
    }

    private static void ChangeARequest(RandomWorld world, MatchingEngine engine)
    {
        var request = world.Requests.Count > 0 && world.Chance(0.5) ? world.Requests.Values.ElementAt(world.Random.Next(world.Requests.Count)) : null;
        if (request is not null && world.Chance(0.5))
        {
            Assert.True(engine.RemoveRequest(request.Id));
            world.Requests.Remove(request.Id);
            return;
        }
        var changed = world.NewRequest(request?.Id ?? world.NewGuid());
        engine.UpsertRequest(changed);
        world.Put(changed);
    }
}
