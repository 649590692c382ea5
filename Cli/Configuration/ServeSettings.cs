namespace BlindSpot.Cli.Configuration;

/// <summary>Settings of <c>blindspot serve</c> (section <c>Serve</c>); the portal's own are section <c>Portal</c> (<c>PortalOptions</c>).</summary>
internal sealed class ServeSettings
{
    /// <summary>Where to listen (<c>--urls</c>), ';'-separated. Default http://127.0.0.1:5080; plain HTTP only on loopback.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Where the worklists are (<c>--worklists</c>): files (what run-quarter writes) or postgres. Default files.</summary>
    public string Worklists { get; set; } = "files";

    public void Validate()
    {
        if (Worklists is not ("files" or "postgres"))
        {
            throw new SettingsException($"configuration: Serve:Worklists must be files or postgres; it is '{Worklists}'.");
        }

        if (string.IsNullOrWhiteSpace(Urls))
        {
            throw new SettingsException("configuration: Serve:Urls must name where to listen; it is empty.");
        }
    }
}
