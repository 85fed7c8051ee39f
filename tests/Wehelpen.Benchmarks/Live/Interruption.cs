using System.Runtime.InteropServices;

namespace Wehelpen.Benchmarks.Live;

/// <summary>
/// Ctrl+C (SIGINT), SIGTERM and SIGQUIT end the run in order: the run is cancelled and its cleanup kills the app (or
/// stops the cluster) and removes the folder. Since .NET 10 nothing happens on SIGTERM by default (no ProcessExit either), so all three are
/// caught here. A second signal, for a cleanup that hangs, kills the app at once and lets the program die.
/// A SIGKILL of this program leaves the app running: nothing can catch that.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private volatile IDisposable? _app;

    public Interruption() =>
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT }.Select(s => PosixSignalRegistration.Create(s, Handle))];

    public CancellationToken Token => _cancel.Token;

    /// <summary>The app (or cluster) a second signal must kill.</summary>
    public void Guard(IDisposable app) => _app = app;

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (_cancel.IsCancellationRequested)
        {
            _app?.Dispose();
            return;
        }
        context.Cancel = true;
        Console.Error.WriteLine($"{context.Signal}: stopping the load and the app.");
        _cancel.Cancel();
    }
}
