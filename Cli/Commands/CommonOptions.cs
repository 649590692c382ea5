using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using BlindSpot.Cli.Configuration;
using BlindSpot.Core.Catalog;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Cli.Commands;

/// <summary>Options and arguments several verbs share, with parsers that turn bad values into exit code 2.</summary>
internal static class CommonOptions
{
    /// <summary><c>--data DIR</c>: the data root; defaults to ./data.</summary>
    public static Option<DirectoryInfo> Data() => new Option<DirectoryInfo>("--data")
    {
        Description = "Data root folder (raw/, lake/, features/ … live under it); configuration key Data, env BLINDSPOT_DATA.",
        DefaultValueFactory = _ => new DirectoryInfo("data"),
    }.Configures("Data");

    /// <summary><c>--catalog FILE</c>: a feed catalog to use instead of the embedded one.</summary>
    public static Option<FileInfo?> Catalog() => new("--catalog")
    {
        Description = "Feed catalog (feeds.json) to use instead of the one built in.",
    };

    /// <summary>Checks an integer option's range while parsing, so a value outside it exits 2 naming the range.</summary>
    public static Option<int> InRange(this Option<int> option, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be {min:N0}–{max:N0}; it is {value:N0}."));
            }
        });
        return option;
    }

    /// <summary>
    /// <c>--dispatch-date yyyy-MM-dd</c>: the day the lists reach the municipalities (배부일), configuration key
    /// <c>Dispatch:DispatchDate</c>; due dates count from it. A date that is not yyyy-MM-dd is exit 2 naming the option; its
    /// range (the quarter's last day to the next quarter's) is checked with the quarter, naming the key.
    /// </summary>
    public static Option<string?> DispatchDate()
    {
        var option = new Option<string?>("--dispatch-date")
        {
            Description = "The day the worklists reach the municipalities (배부일, yyyy-MM-dd): outcomes are due Dispatch:OutcomeDueDays (60) days after it. "
                + "From the quarter's last day to the next quarter's; default the quarter's last day. Configuration key Dispatch:DispatchDate.",
        }.Configures("Dispatch:DispatchDate");
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is not null && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                result.AddError($"{option.Name} must be a date as yyyy-MM-dd, e.g. 2027-01-05; it is '{text}'.");
            }
        });
        return option;
    }

    /// <summary>The catalog named by <paramref name="option"/>, or the embedded one when it is not given.</summary>
    public static FeedCatalog LoadCatalog(ParseResult parse, Option<FileInfo?> option) =>
        parse.GetValue(option) is { } file ? FeedCatalog.Load(file.FullName) : FeedCatalog.LoadDefault();

    public static Argument<Quarter> QuarterArgument() => new("quarter")
    {
        Description = "The quarter as YYYYQn, e.g. 2026Q3 (2026q3 is read as 2026Q3).",
        CustomParser = ParseQuarter,
    };

    /// <summary>Parses a quarter argument the one way the CLI writes it (<see cref="QuarterText"/>); a bad one is exit 2.</summary>
    public static Quarter ParseQuarter(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (QuarterText.TryParse(text, out var quarter, out var error))
        {
            return quarter;
        }

        result.AddError(error);
        return default;
    }

    public static QuarterRange? ParseRange(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (QuarterText.TryParseRange(text, out var range, out var error))
        {
            return range;
        }

        result.AddError(error);
        return null;
    }
}
