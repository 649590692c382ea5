using BlindSpot.Core.Catalog;

namespace BlindSpot.Cli.Commands;

/// <summary>A model as the CLI names it, <c>household/v20260715-1a2b3c4d</c>: its variant and its version. Immutable.</summary>
internal readonly record struct ModelName(Variant Variant, string Version)
{
    public override string ToString() => $"{Variant.ToCode()}/{Version}";
}
