using Wehelpen.Web.Data;
using Wehelpen.Web.Features.Circles;

namespace Wehelpen.Web.Features.Chat;

/// <summary>Every circle has its chat thread from the start, saved with the circle.</summary>
internal sealed class CircleThread(WehelpenDbContext db) : INewCirclePart
{
    public void AddTo(Circle circle, DateTimeOffset now) => db.Add(ChatThread.ForCircle(circle.Id, now));
}
