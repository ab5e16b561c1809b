using System.Diagnostics;
using ScenarioDsl.LanguageServer.Protocol;
using ScenarioDsl.LanguageServer.Workspace;

namespace ScenarioDsl.LanguageServer.Handlers;

/// <summary>
/// Publishes diagnostics for open documents, debounced: a change that arrives while the publisher
/// is idle is published at once (no added latency for an isolated edit); changes that arrive
/// while a publication is pending or running reschedule one publication after
/// <see cref="Delay"/> (a burst of keystrokes costs one compilation, not one per keystroke).
/// Every publication reads the newest snapshot, so typing never leaves stale diagnostics behind.
/// Only documents whose diagnostics changed are sent; a closed document gets an empty list once.
/// </summary>
internal sealed class DiagnosticsPublisher
{
    private readonly Func<WorkspaceSnapshot> _current;
    private readonly Func<PublishDiagnosticsParams, Task> _send;
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly Dictionary<string, string> _lastSent = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private CancellationTokenSource? _pending;
    private int _inFlight;
    private long _publishedGeneration = -1;

    public DiagnosticsPublisher(Func<WorkspaceSnapshot> current, Func<PublishDiagnosticsParams, Task> send, TimeSpan delay)
    {
        _current = current;
        _send = send;
        Delay = delay;
    }

    public TimeSpan Delay { get; }

    /// <summary>Last publication's duration (computing and sending), for the performance notes.</summary>
    public TimeSpan LastDuration { get; private set; }

    public void Schedule()
    {
        CancellationTokenSource cts;
        bool immediate;
        lock (_gate)
        {
            _pending?.Cancel();
            _pending = cts = new CancellationTokenSource();
            immediate = _inFlight == 0;
            _inFlight++;
        }
        // On the thread pool: never on the request dispatcher's synchronization context.
        _ = Task.Run(() => RunAsync(cts.Token, immediate));
    }

    private async Task RunAsync(CancellationToken cancellation, bool immediate)
    {
        try
        {
            if (!immediate && Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellation).ConfigureAwait(false);
            cancellation.ThrowIfCancellationRequested();
            await PublishNowAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A newer change rescheduled the publication.
        }
        catch (Exception e) when (e is ObjectDisposedException or StreamJsonRpc.ConnectionLostException)
        {
            // The connection is gone: nothing to publish to.
        }
        finally
        {
            lock (_gate) _inFlight--;
        }
    }

    public async Task PublishNowAsync()
    {
        await _publishing.WaitAsync().ConfigureAwait(false);
        try
        {
            var watch = Stopwatch.StartNew();
            var snapshot = _current();
            if (snapshot.Generation == _publishedGeneration) return;
            _publishedGeneration = snapshot.Generation;

            var toSend = new List<PublishDiagnosticsParams>();
            var openUris = new HashSet<string>(StringComparer.Ordinal);
            foreach (var doc in snapshot.OpenDocuments.Values)
            {
                openUris.Add(doc.Uri);
                var list = snapshot.DiagnosticsOf(doc.Path).Select(Conversions.ToLsp).ToArray();
                string signature = doc.Version + "|" + string.Join("\n", list.Select(d => $"{d.Range}{d.Severity}{d.Code}{d.Message}"));
                string contentSignature = signature.Substring(signature.IndexOf('|') + 1);
                if (_lastSent.TryGetValue(doc.Uri, out var last) && last == contentSignature) continue;
                _lastSent[doc.Uri] = contentSignature;
                toSend.Add(new PublishDiagnosticsParams(doc.Uri, doc.Version, list));
            }
            foreach (var uri in _lastSent.Keys.Where(u => !openUris.Contains(u)).ToList())
            {
                _lastSent.Remove(uri);
                toSend.Add(new PublishDiagnosticsParams(uri, null, Array.Empty<LspDiagnostic>()));
            }
            foreach (var p in toSend) await _send(p).ConfigureAwait(false);
            LastDuration = watch.Elapsed;
        }
        finally
        {
            _publishing.Release();
        }
    }
}
