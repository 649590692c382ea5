using System.CommandLine;
using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Regions;

namespace BlindSpot.Cli.Commands;

/// <summary><c>blindspot catalog check|feeds</c>: validate the feed catalog and regions, or list the feeds.</summary>
internal static class CatalogCommand
{
    public static Command Create(TextWriter output)
    {
        var catalogOption = CommonOptions.Catalog();
        var regionsOption = new Option<FileInfo?>("--regions") { Description = "Regions file (regions.json) to use instead of the one built in." };

        var check = new Command("check", "Validate the feed catalog and the regions file; print what they hold.") { catalogOption, regionsOption };
        check.SetAction(parse =>
        {
            var catalog = CommonOptions.LoadCatalog(parse, catalogOption);
            var regions = parse.GetValue(regionsOption) is { } file ? RegionRegistry.Load(file.FullName) : RegionRegistry.LoadDefault();
            var features = catalog.Feeds.Sum(f => f.Features.Count);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"catalog {catalog.Version}: {catalog.Feeds.Count} feeds from {catalog.Sources.Count} sources, {catalog.Feeds.Count(f => f.Required)} required, {features} feed features"));
            foreach (var variant in VariantNames.All)
            {
                output.WriteLine($"  {variant.ToCode(),-13} {catalog.FeedsFor(variant).Count} feeds");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"regions: {regions.Sido.Count} 시도, {regions.Sigungu.Count} 시군구, {regions.Sigungu.Sum(s => s.Eupmyeondong)} 읍면동, population {regions.TotalPopulation:N0}"));
            return ExitCodes.Success;
        });

        var feeds = new Command("feeds", "List the feeds: code, source, unit, required, variants, Korean name.") { catalogOption };
        feeds.SetAction(parse =>
        {
            var catalog = CommonOptions.LoadCatalog(parse, catalogOption);
            foreach (var feed in catalog.Feeds)
            {
                var variants = string.Join(',', feed.Variants.Select(v => v.ToCode()));
                output.WriteLine($"{feed.Code,-34} {feed.Source,-9} {feed.Unit,-9} {(feed.Required ? "required" : "optional"),-8} {variants,-30} {feed.NameKo}");
            }

            return ExitCodes.Success;
        });

        return new Command("catalog", "Inspect and validate the feed catalog and regions.") { check, feeds };
    }
}
