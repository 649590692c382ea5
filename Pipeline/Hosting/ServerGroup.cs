using Hangfire;

namespace BlindSpot.Pipeline.Hosting;

/// <summary>The servers <see cref="PipelineServer.Start"/> started, stopped together on dispose.</summary>
internal sealed class ServerGroup(IReadOnlyList<BackgroundJobServer> servers) : IDisposable
{
    public void Dispose()
    {
        // Signal them all first, so their running jobs are cancelled at once rather than one server after another.
        foreach (var server in servers)
        {
            server.SendStop();
        }

        foreach (var server in servers)
        {
            server.Dispose();
        }
    }
}
