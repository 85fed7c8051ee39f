namespace Wehelpen.Matching;

/// <summary>How matching ranks and how far it goes. Bound from the "Matching" configuration section.</summary>
public sealed class MatchingOptions
{
    /// <summary>How many volunteers one wave alerts.</summary>
    public int WaveSize { get; set; } = 10;

    /// <summary>How long a wave waits for someone to claim before the next one.</summary>
    public TimeSpan WaveInterval { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Waves at the volunteers' own radius; the waves after these stretch every radius by <see cref="WidenFactor"/>.</summary>
    public int WavesAtOwnRadius { get; set; } = 2;

    /// <summary>Waves with stretched radii before the request goes to the buurtteam.</summary>
    public int WidenedWaves { get; set; } = 1;

    public double WidenFactor { get; set; } = 1.5;

    /// <summary>Nobody is alerted more often than this in seven days.</summary>
    public int AlertsPerWeek { get; set; } = 5;

    /// <summary>At this distance the distance part of the score is one half.</summary>
    public double ReferenceDistanceMetres { get; set; } = 2000;

    /// <summary>After this long without an alert, a volunteer is fully rested for the fairness part.</summary>
    public TimeSpan RestedAfter { get; set; } = TimeSpan.FromDays(3);

    public double DistanceWeight { get; set; } = 0.4;
    public double LoadWeight { get; set; } = 0.2;
    public double FairnessWeight { get; set; } = 0.2;
    public double ReliabilityWeight { get; set; } = 0.2;

    /// <summary>The largest radius any volunteer may have, stretched: how far a widened query must look around a point.</summary>
    public double MaxRadiusMetres { get; set; } = 25_000;

    public int TotalWaves => WavesAtOwnRadius + WidenedWaves;
}
