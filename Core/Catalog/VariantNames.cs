namespace BlindSpot.Core.Catalog;

/// <summary>The lower snake-case names variants have in files, paths and the CLI.</summary>
public static class VariantNames
{
    public static IReadOnlyList<Variant> All { get; } = [Variant.Household, Variant.Child, Variant.LonelyDeath];

    public static string ToCode(this Variant variant) => variant switch
    {
        Variant.Household => "household",
        Variant.Child => "child",
        Variant.LonelyDeath => "lonely_death",
        _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, "Unknown variant."),
    };

    public static Variant Parse(string code) => code switch
    {
        "household" => Variant.Household,
        "child" => Variant.Child,
        "lonely_death" => Variant.LonelyDeath,
        _ => throw new FormatException($"'{code}' is not a variant: use household, child or lonely_death."),
    };
}
