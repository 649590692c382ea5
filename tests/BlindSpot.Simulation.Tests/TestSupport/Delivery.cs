using System.Globalization;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Paths;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Simulation.Tests.TestSupport;

/// <summary>A delivered file read back in its declared format: header and data rows.</summary>
internal sealed record Delivery(string[] Header, List<string[]> Rows)
{
    public static Delivery Read(DataRoot root, Quarter quarter, FeedDefinition feed)
    {
        var format = Generated.Catalog.DeliveryOf(feed);
        var path = root.RawFeed(quarter, feed);
        var bytes = CsvText.ReadBytes(File.Exists(path) ? path : path + ".gz");
        var strict = format.Encoding == FeedEncoding.Cp949 ? TextEncodings.Cp949 : TextEncodings.StrictUtf8;
        var rows = CsvText.Parse(CsvText.Decode(bytes, strict), format.DelimiterChar);
        return new Delivery(rows[0], rows.Skip(1).ToList());
    }

    public int Column(string header) => Array.IndexOf(Header, header) is var i and >= 0 ? i : throw new KeyNotFoundException(header);

    public static DateOnly ParseDate(string text, string format) => DateOnly.ParseExact(text, format, CultureInfo.InvariantCulture);
}
