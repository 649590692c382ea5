namespace BlindSpot.Core.Catalog;

/// <summary>The catalog files compiled into the Core assembly, so the quick start needs no files beside the binary.</summary>
internal static class EmbeddedCatalog
{
    public static Stream Open(string fileName)
    {
        var name = $"BlindSpot.catalog.{fileName}";
        return typeof(EmbeddedCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The build has no embedded '{name}': catalog/{fileName} was missing when it was built.");
    }
}
