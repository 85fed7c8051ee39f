using Wehelpen.Web.Features.Locations;

namespace Wehelpen.Web.Tests.Locations;

public sealed class GeoPointTests
{
    [Theory]
    [InlineData(52.37, 4.89, 5_000)]   // Amsterdam
    [InlineData(53.5, 6.9, 25_000)]    // the far north-east, the largest radius
    public void The_box_around_a_point_holds_every_point_on_the_circle_of_that_radius(double latitude, double longitude, double metres)
    {
        var centre = new GeoPoint(latitude, longitude);
        var box = centre.BoxAround(metres);

        // Walk the circle in one-degree steps, each point found by bisection at exactly the radius.
        for (var bearing = 0; bearing < 360; bearing++)
        {
            var (dLat, dLon) = (Math.Cos(bearing * Math.PI / 180), Math.Sin(bearing * Math.PI / 180));
            double low = 0, high = 1;
            for (var i = 0; i < 60; i++)
            {
                var mid = (low + high) / 2;
                if (centre.DistanceMetresTo(new GeoPoint(latitude + dLat * mid, longitude + dLon * mid)) < metres) low = mid; else high = mid;
            }
            var edge = new GeoPoint(latitude + dLat * low, longitude + dLon * low);
            Assert.InRange(edge.Latitude, box.South, box.North);
            Assert.InRange(edge.Longitude, box.West, box.East);
        }
    }
}
