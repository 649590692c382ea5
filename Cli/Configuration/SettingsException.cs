namespace BlindSpot.Cli.Configuration;

/// <summary>
/// A configuration value that cannot be used, from whichever layer it came (file, environment, option): the message names
/// the key and the rule, never a secret's value. Exits 2 like a bad command line.
/// </summary>
internal sealed class SettingsException : Exception
{
    public SettingsException(string message)
        : base(message)
    {
    }

    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SettingsException()
    {
    }
}
