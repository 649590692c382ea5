namespace BlindSpot.Core.Catalog;

/// <summary>A catalog or region file that cannot be used: the message names the file and the offending entry.</summary>
public sealed class CatalogException : Exception
{
    public CatalogException(string origin, string problem, Exception? inner = null)
        : base($"{origin}: {problem}", inner)
    {
        Origin = origin;
    }

    /// <summary>The file (or embedded resource) the problem is in.</summary>
    public string Origin { get; }
}
