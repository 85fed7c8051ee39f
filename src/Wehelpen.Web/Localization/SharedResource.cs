namespace Wehelpen.Web;

/// <summary>
/// Marker for the one set of interface texts: Resources/SharedResource.nl.resx (default) and
/// SharedResource.en.resx. Keys are symbolic ("Login.Title"); a test checks that both files have every key
/// that the code and pages use.
/// </summary>
public sealed class SharedResource;
