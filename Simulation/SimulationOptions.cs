using System.Globalization;
using BlindSpot.Core.Quarters;

namespace BlindSpot.Simulation;

/// <summary>
/// What <see cref="PopulationSimulator"/> makes. Mutable so hosts can bind it; call <see cref="Validate"/> (the
/// simulator does) before use. Same options and seed always give byte-identical files.
/// </summary>
public sealed class SimulationOptions
{
    /// <summary>Largest population accepted: the serial scheme of resident numbers and memory both hold to about 20 million.</summary>
    public const int MaxPeople = 20_000_000;

    /// <summary>Resident people each quarter (departures are replaced by births and movers-in). Required; 1 to <see cref="MaxPeople"/>.</summary>
    public int People { get; set; }

    /// <summary>The quarters to deliver, e.g. 2025Q3..2026Q3. Required. The last is "now": it gets no dispatches or outcomes.</summary>
    public QuarterRange? Quarters { get; set; }

    /// <summary>The seed of every random draw. Required: there is no default, so no run is accidentally unseeded.</summary>
    public ulong? Seed { get; set; }

    /// <summary>Write raw/ and identity/ CSVs as deterministic <c>.csv.gz</c>. Default false.</summary>
    public bool Gzip { get; set; }

    /// <summary>Quarters of latent-crisis evolution before the first delivered quarter, so it starts stationary. Default 20; 0–40.</summary>
    public int BurnInQuarters { get; set; } = 20;

    /// <summary>Share of feed records followed by an exact duplicate row. Default 0.001; 0–0.01.</summary>
    public double DuplicateRate { get; set; } = 0.001;

    /// <summary>Share of records followed by a malformed line (a field short or long, or garbage). Default 0.0005; 0–0.01.</summary>
    public double MalformedRate { get; set; } = 0.0005;

    /// <summary>Share of records followed by a copy with an out-of-range value or unknown code. Default 0.0005; 0–0.01.</summary>
    public double OutOfRangeRate { get; set; } = 0.0005;

    /// <summary>Share of person-feed records followed by a copy whose resident number fails its check digit. Default 0.0002; 0–0.01.</summary>
    public double BadCheckDigitRate { get; set; } = 0.0002;

    /// <summary>Share of records followed by a copy keyed by a valid number that is on no roster. Default 0.001; 0–0.01.</summary>
    public double UnknownKeyRate { get; set; } = 0.001;

    /// <summary>Household-variant rule dispatches per quarter, as a share of roster people (one per household). Default 0.012; 0–0.1.</summary>
    public double HouseholdQuota { get; set; } = 0.012;

    /// <summary>Child-variant rule dispatches, as a share of roster people, chosen among ages 0–17. Default 0.002; 0–0.1.</summary>
    public double ChildQuota { get; set; } = 0.002;

    /// <summary>Lonely-death rule dispatches, as a share of roster people, chosen among people aged 40+ living alone. Default 0.003; 0–0.1.</summary>
    public double LonelyDeathQuota { get; set; } = 0.003;

    /// <summary>Random audit sample per variant, as a share of that variant's eligible units, on top of the rule. Default 0.001; 0–0.05.</summary>
    public double AuditShare { get; set; } = 0.001;

    /// <summary>
    /// Threads to use; null (the default) means all cores. It never changes the output: every file and every unit
    /// draws from its own seeded stream. 1–256.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; set; }

    /// <summary>Every broken rule, one sentence each; empty when the options can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (People is < 1 or > MaxPeople)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"People must be 1–{MaxPeople:N0}; got {People}."));
        }

        if (Quarters is null)
        {
            problems.Add("Quarters is required, e.g. 2025Q3..2026Q3.");
        }

        if (Seed is null)
        {
            problems.Add("Seed is required: every run is seeded so it can be reproduced byte for byte.");
        }

        if (BurnInQuarters is < 0 or > 40)
        {
            problems.Add($"BurnInQuarters must be 0–40; got {BurnInQuarters}.");
        }

        if (MaxDegreeOfParallelism is < 1 or > 256)
        {
            problems.Add($"MaxDegreeOfParallelism must be 1–256 or unset; got {MaxDegreeOfParallelism}.");
        }

        Share(problems, nameof(DuplicateRate), DuplicateRate, 0.01);
        Share(problems, nameof(MalformedRate), MalformedRate, 0.01);
        Share(problems, nameof(OutOfRangeRate), OutOfRangeRate, 0.01);
        Share(problems, nameof(BadCheckDigitRate), BadCheckDigitRate, 0.01);
        Share(problems, nameof(UnknownKeyRate), UnknownKeyRate, 0.01);
        var dirt = DuplicateRate + MalformedRate + OutOfRangeRate + BadCheckDigitRate + UnknownKeyRate;
        if (dirt >= 0.01)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"The dirt rates add up to {dirt:0.####}: keep them under 0.01 so no feed nears its reject limit."));
        }

        Share(problems, nameof(HouseholdQuota), HouseholdQuota, 0.1);
        Share(problems, nameof(ChildQuota), ChildQuota, 0.1);
        Share(problems, nameof(LonelyDeathQuota), LonelyDeathQuota, 0.1);
        Share(problems, nameof(AuditShare), AuditShare, 0.05);
        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every broken rule.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid simulation options: " + string.Join(" ", problems));
        }
    }

    private static void Share(List<string> problems, string name, double value, double max)
    {
        if (!(value >= 0 && value <= max))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be between 0 and {max}; got {value}."));
        }
    }
}
