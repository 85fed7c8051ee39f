namespace Wehelpen.Benchmarks.Http;

/// <summary>A volunteer the load signs in as, and the circle they are a member of (with a few other volunteers).</summary>
/// <param name="Volunteer">Their index in <see cref="Cluster.NeighbourhoodData.Volunteers"/>: their e-mail and name.</param>
/// <param name="Circle">The index of their circle in <see cref="Cluster.NeighbourhoodData.Circles"/>.</param>
internal sealed record HttpPerson(int Volunteer, string Id, string Email, string Name, int Circle, Guid CircleId, string CircleName);
